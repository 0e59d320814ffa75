package scenarios

import (
	"parley/scenario"
	"parley/scenariofile"
)

// LoadDefault parses the built-in case. It fails only if the embedded file
// is broken, which the package's tests rule out.
func LoadDefault() (*scenario.Scenario, error) {
	name, data := Default()
	s, ds := scenariofile.Parse(name, data)
	if err := ds.Err(false); err != nil {
		return nil, err
	}
	return s, nil
}
