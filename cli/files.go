package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"parley/errs"
)

// The commands' writes of user files, so that no failure loses what the
// user had: a new file is created only if none is there (never a check
// and then a write another process could come between), and an existing
// file is replaced whole or not at all.

// outputExists is the error for an output file that is there already;
// valid names what would be accepted instead.
func outputExists(flag, name, valid string) error {
	return errs.New(errs.Argument, "%s%s exists; valid: %s", flag, name, valid)
}

// writeError is the user's error for a failed write of the file name
// (nil for none): outputExists for a file that is there already, with
// flag and valid; an error that already says what would be valid as it
// is; else what the system said.
func writeError(err error, flag, name, valid string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return outputExists(flag, name, valid)
	case errs.CodeOf(err) == errs.Argument:
		return err
	}
	return errs.New(errs.Invalid, "%scannot write %s: %v", flag, name, unwrapPath(err))
}

// writeNew writes data to the new file name: if a file is there already
// it returns an fs.ErrExist error and leaves the file alone, and a write
// that fails part way removes what it wrote.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// replaceFile writes data to name, replacing the file if it exists so
// that a failure part way (a full disk, a crash) leaves its old contents
// whole: the data goes to a temporary file beside it, which is synced
// and renamed over it (atomicWrite: renameio; a plain write on Windows,
// which cannot rename over a file atomically). A symbolic link is
// followed, so that the file it names is replaced and the link stays;
// the file keeps its permission bits.
func replaceFile(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	switch {
	case err == nil:
		fi, err := os.Stat(target)
		if err != nil {
			return err
		}
		if !fi.Mode().IsRegular() {
			return errs.New(errs.Argument, "%s is not a regular file; valid: a file's name", name)
		}
	case errors.Is(err, fs.ErrNotExist):
		target = name
	default:
		return err
	}
	return atomicWrite(target, data)
}
