// Package ask is Parley's application layer: the one place that turns a
// question into an answer, under the command line and the server alike.
//
// It reads every input Parley supports (a scenario file or a peer tool's
// file: Formats), resolves the snapshot and variant asked for (Input.Case),
// chooses the models and applies their settings (Models, Params), runs
// them, and decides what every door then shows: the defaults (from the
// New*Request functions of package answer), what happens when a model
// fails (the others still answer; the failure is in the answer), and what
// the reader must be warned of (a forecast that did not settle, a point
// outside its own sweep interval, an alternative to agreement that was
// assumed rather than stated).
//
// Doors (package cli, package httpapi and the web page behind it) parse
// their own requests into the answer package's request types, call the
// functions here, and render the answer; they import no model package.
package ask
