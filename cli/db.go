package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/nouns"
	"parley/store/bolt"
)

// parley db check and parley db salvage: the store file's maintenance,
// with no server holding it. The logic is store/bolt's (Check, Salvage);
// this parses and prints.
func newDBCmd() *cobra.Command {
	db := &cobra.Command{
		Use:   "db",
		Short: "Check a store file (parley serve --db FILE), or salvage a damaged one into a new file",
		Args:  nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return errs.New(errs.Argument, "name what to do; valid: check, salvage\nRun 'parley db --help' for usage.")
		},
	}
	db.AddCommand(&cobra.Command{
		Use:   "check FILE",
		Short: "Read every record of a store file and list each damaged one (exit 3 when any is)",
		Long: `Open the store file read-only and read every record in it: each
scenario's current version and kept versions (record, saved file and its
checksum), each run (record, result and its checksum), the indexes and the
count of scenario ids. Prints "sound" and exits 0 when nothing is wrong;
otherwise lists each problem by scenario id, version or run, saying
whether 'parley db salvage' loses the record (lost) or rebuilds it in the
new file (rebuilt), and exits 3. The file is never written to; a server
that has it open is waited for 10 s, then refused.`,
		Args: nArgs(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := notPostgres(args[0]); err != nil {
				return err
			}
			rep, err := bolt.Check(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			cur, kept, runs := rep.Counts()
			found := fmt.Sprintf("%s, %s, %s read whole", nouns.Count(cur, "scenario"), nouns.Count(kept, "kept version"), nouns.Count(runs, "run"))
			if rep.Sound() {
				fmt.Fprintf(w, "%s: sound (%s)\n", rep.Path, found)
				return nil
			}
			fmt.Fprintf(w, "%s: damaged: %s (%s)\n", rep.Path, nouns.Count(len(rep.Problems), "problem"), found)
			problems(w, rep.Problems)
			return errs.New(errs.Invalid, "store file %s is damaged: %s, %d of them losing a record; valid: a file with none. parley db salvage %s NEW copies every record that reads whole into a new file",
				rep.Path, nouns.Count(len(rep.Problems), "problem"), len(rep.Lost()), rep.Path)
		},
	}, &cobra.Command{
		Use:   "salvage FILE NEW",
		Short: "Copy every readable scenario of a damaged store file into a new file (exit 3 when any record is lost)",
		Long: `Open the store file FILE read-only and copy every record in it that reads
whole into the new store file NEW: each scenario's current version and
kept versions as saved (ids, version numbers, names, times and files
unchanged), and the runs of the scenarios whose current version was
copied. A scenario whose current version was lost while kept versions read
whole gets the newest of them as its current version (listed as "current":
"version N (saved DATE) made current"), with the runs of that version and
earlier ones; one whose newest kept version a delete replaced stays
deleted. NEW must not exist (it is never overwritten); its indexes,
checksums and count of ids are made afresh, and 'parley serve --db NEW'
serves it. Prints each scenario id with what of it was copied, then each
record that could not be (lost) and what was rebuilt; exits 3 when a
record was lost (NEW is written all the same), 0 when none was. FILE is
never written to: keep it until NEW has been checked.`,
		Args: nArgs(2, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				if err := notPostgres(a); err != nil {
					return err
				}
			}
			rep, err := bolt.Salvage(cmd.Context(), args[0], args[1])
			if errors.Is(err, fs.ErrExist) {
				return outputExists("", args[1], "the path of a file that does not exist yet (salvage never overwrites a file)")
			}
			if err != nil {
				return err
			}
			w, done := terminalText(cmd.OutOrStdout())
			defer done()
			cur, kept, runs := rep.Counts()
			fmt.Fprintf(w, "copied into %s: %s, %s, %s\n", args[1], nouns.Count(cur, "scenario"), nouns.Count(kept, "kept version"), nouns.Count(runs, "run"))
			for _, f := range rep.Scenarios {
				fmt.Fprintf(w, "  %s: %s\n", f.ID, copiedText(f))
			}
			lost := rep.Lost()
			if len(rep.Problems) > 0 {
				fmt.Fprintf(w, "%s: %s, %d of them losing a record:\n", rep.Path, nouns.Count(len(rep.Problems), "problem"), len(lost))
				problems(w, rep.Problems)
			}
			if !quiet(cmd) {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", args[1])
			}
			if len(lost) > 0 {
				return errs.New(errs.Invalid, "%s not copied from %s (listed above); %s holds the rest: check it with parley db check %s, serve it with parley serve --db %s, and keep %s",
					nouns.Count(len(lost), "record"), rep.Path, args[1], args[1], args[1], rep.Path)
			}
			return nil
		},
	})
	return db
}

// notPostgres refuses a PostgreSQL URL: its server has its own checks
// and backups.
func notPostgres(db string) error {
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return errs.New(errs.Argument, "%s: parley db reads a store file; valid: the path of a file parley serve --db FILE keeps (a PostgreSQL database is checked and backed up with its own tools: pg_dump, amcheck)", redactDSN(db))
	}
	return nil
}

// copiedText says what of a scenario id was copied.
func copiedText(f bolt.Found) string {
	var parts []string
	if f.Promoted {
		parts = append(parts, fmt.Sprintf("version %d (kept, made current: the current one was lost)", f.Current))
	} else if f.Current != 0 {
		parts = append(parts, fmt.Sprintf("version %d", f.Current))
	} else {
		parts = append(parts, "no current version")
	}
	if len(f.Kept) > 0 {
		vs := make([]string, len(f.Kept))
		for i, v := range f.Kept {
			vs[i] = fmt.Sprint(v)
		}
		parts = append(parts, "kept "+strings.Join(vs, ", "))
	}
	if len(f.Runs) > 0 {
		parts = append(parts, nouns.Count(len(f.Runs), "run"))
	}
	return strings.Join(parts, "; ")
}

// problems lists each problem, saying whether its record is lost or
// rebuilt, or a kept version is made current in a lost one's place.
func problems(w io.Writer, ps []bolt.Problem) {
	for _, p := range ps {
		mark := "rebuilt"
		switch {
		case p.Lost:
			mark = "lost"
		case p.Promoted:
			mark = "current"
		}
		fmt.Fprintf(w, "  %-7s  %s\n", mark, p)
	}
}
