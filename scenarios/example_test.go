package scenarios_test

import (
	"fmt"

	"parley/scenariofile"
	"parley/scenarios"
)

// The built-in case is an ordinary scenario file: parse it, resolve a
// snapshot, and read a stance with the quote behind it.
func ExampleDefault() {
	name, data := scenarios.Default()
	s, ds := scenariofile.Parse(name, data)
	if err := ds.Err(true); err != nil {
		fmt.Println(err)
		return
	}
	jeddah, err := s.Resolve("2025-03-11", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	st := jeddah.Stance("ukraine", "ceasefire")
	a, _ := jeddah.Issue("ceasefire").Nearest(st.Position)
	fmt.Println(name)
	fmt.Println(len(s.Actors), "actors,", len(s.Issues), "issues")
	fmt.Printf("Ukraine on the ceasefire at Jeddah: %v (%s)\n", st.Position, a.Label)
	fmt.Println("source:", st.Evidence[0].Source)
	// Output:
	// ukraine-ceasefire-2025.yaml
	// 10 actors, 7 issues
	// Ukraine on the ceasefire at Jeddah: 70 (30-day ceasefire without preconditions (the Jeddah proposal))
	// source: report-2025-03
}
