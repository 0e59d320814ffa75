// Command parley models a multi-party negotiation and forecasts where it
// lands. See `parley --help` and the README.
package main

import (
	"context"
	"os"
	"os/signal"

	"parley/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.MainContext(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
