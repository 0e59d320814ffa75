package ask

import (
	"os"
	"path/filepath"

	"parley/answer"
	"parley/errs"
	"parley/ingest"
	"parley/scenario"
	"parley/scenariofile"
)

// Ingest proposes candidate evidence from documents for the input's
// actors and issues (package ingest), best first; limit > 0 keeps the
// best limit.
func Ingest(in *Input, docs []ingest.Document, limit int) answer.Ingest {
	res := ingest.Extract(in.Scenario, docs)
	if limit > 0 && len(res.Candidates) > limit {
		res.Candidates = res.Candidates[:limit]
	}
	return res
}

// IngestReview is Ingest's candidates as a review file (YAML) for
// `parley ingest apply`.
func IngestReview(in *Input, docs []ingest.Document, res answer.Ingest) ([]byte, error) {
	return ingest.MarshalReview(ingest.NewReview(in.Scenario, docs, res.Candidates))
}

// IngestApply merges the entries kept in a review file into a new
// snapshot of the scenario file (name, data), dated date ("" the
// review's), and returns the new file: the original's layout and
// comments kept, checked as `parley validate` would (sourceDirs: where
// source files are read). The original file is not touched.
func IngestApply(name string, data []byte, reviewName string, review []byte, date string, sourceDirs []string) ([]byte, error) {
	in, err := Load(name, data, LoadOptions{Format: Scenario})
	if err != nil {
		return nil, err
	}
	r, err := ingest.ParseReview(reviewName, review)
	if err != nil {
		return nil, err
	}
	if r.Scenario != "" && r.Scenario != in.Scenario.Metadata.ID {
		return nil, errs.New(errs.Argument, "%s was drafted for scenario %q, not %q; valid: the scenario named in the review", reviewName, r.Scenario, in.Scenario.Metadata.ID)
	}
	if err := ingest.Apply(in.Scenario, r, date); err != nil {
		return nil, err
	}
	return remarshal(name, data, in, sourceDirs)
}

// SourcesAdd records documents as sources of the scenario file (name,
// data): id, title, date (the first the text states) and SHA-256; a
// document the scenario already cites by file name gets its hash
// recorded afresh. File paths are written relative to the scenario
// file's folder. Returns the new file; the original is not touched.
func SourcesAdd(name string, data []byte, files []string) ([]byte, error) {
	in, err := Load(name, data, LoadOptions{Format: Scenario})
	if err != nil {
		return nil, err
	}
	s := in.Scenario
	dir := filepath.Dir(name)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, errs.New(errs.Invalid, "cannot read %s: %v", f, err)
		}
		rel := f
		if r, err := filepath.Rel(dir, f); err == nil {
			rel = filepath.ToSlash(r)
		}
		src, known := ingest.SourceFor(s, ingest.Document{Name: rel, Data: b})
		if known {
			for i := range s.Metadata.Sources {
				if s.Metadata.Sources[i].ID == src.ID {
					fresh, _ := ingest.SourceFor(&scenario.Scenario{}, ingest.Document{Name: rel, Data: b})
					s.Metadata.Sources[i].SHA256 = fresh.SHA256
				}
			}
			continue
		}
		s.Metadata.Sources = append(s.Metadata.Sources, src)
	}
	return remarshal(name, data, in, []string{dir})
}

func remarshal(name string, data []byte, in *Input, sourceDirs []string) ([]byte, error) {
	out, err := scenariofile.MarshalOver(in.Scenario, formatOf(name), data)
	if err != nil {
		return nil, err
	}
	if _, err := Load(name, out, LoadOptions{Format: Scenario, SourceDirs: sourceDirs}); err != nil {
		return nil, errs.Wrap(errs.Invalid, err)
	}
	return out, nil
}

func formatOf(name string) string {
	if filepath.Ext(name) == ".json" {
		return "json"
	}
	return "yaml"
}
