package ingest

import (
	"slices"
	"testing"

	"parley/scenarios"
)

// TestSpeakerRanksAboveMentioned: the actor who speaks (named just
// before the speech verb) ranks above actors merely mentioned (a
// meeting partner, a place), on sentences of source 001 (lines 10 and
// 4) with the built-in case's actors and issues. Territory: Donetsk,
// Luhansk, withdraw … (6 points, the most) + 1.5 reported speech
// ("reiterated"): Putin, the speaker, + 2.5 = 10; Trump, named first but
// before the comma, and Ukraine, after the verb, nothing = 7.5.
// Ceasefire: 5 points + 1.5: Zelenskyy + 2.5 = 9; Brussels (the
// European Commission), named first, = 6.5. Each quote is the sentence.
func TestSpeakerRanksAboveMentioned(t *testing.T) {
	hand, err := scenarios.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, issue string
		want        map[string]float64
	}{
		{"At his meeting with Trump on Friday, Putin reiterated demands that Ukraine withdraw its forces from Donetsk and Luhansk as a condition for peace.",
			"territory", map[string]float64{"russia": 10, "united-states": 7.5, "ukraine": 7.5}},
		{"Speaking in Brussels on Sunday, Zelenskyy emphasized the need for a ceasefire as the basis for negotiations.",
			"ceasefire", map[string]float64{"ukraine": 9, "european-commission": 6.5}},
		// A list of names is the verb's subject, each a speaker: 4 points
		// on ceasefire + 2 for the quotation marks + 2.5 = 8.5;
		// Washington, after the verb, 6.
		{"In London after the Oval Office debacle, Britain, France, and Ukraine reportedly agreed to work out a plan that was termed a “ceasefire” to share with Washington.",
			"ceasefire", map[string]float64{"ukraine": 8.5, "united-kingdom": 8.5, "france": 8.5, "united-states": 6}},
		// "want" inside the quotation is no speech verb of the sentence:
		// no speaker, Trump named first + 1.5.
		{"At one point, Trump ripped into Zelenskyy, saying “You tell us, ‘Idon’t want a ceasefire.",
			"ceasefire", map[string]float64{"united-states": 7.5, "ukraine": 6}},
	}
	for _, c := range cases {
		res := Extract(strip(hand), []Document{{Name: "001.txt", Data: []byte(c.text + "\n")}})
		got := map[string]float64{}
		var order []string
		for _, k := range res.Candidates {
			if k.Issue != c.issue {
				continue
			}
			got[k.Actor] = k.Score
			order = append(order, k.Actor)
			if k.Quote != c.text {
				t.Errorf("%s on %s: quote %q, want the sentence", k.Actor, k.Issue, k.Quote)
			}
		}
		for a, w := range c.want {
			if got[a] != w {
				t.Errorf("%.20s…: %s on %s scores %v, want %v", c.text, a, c.issue, got[a], w)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%.20s…: candidates %v, want %v", c.text, got, c.want)
		}
		top := 0.0
		for _, w := range c.want {
			top = max(top, w)
		}
		if len(order) == 0 || c.want[order[0]] != top {
			t.Errorf("%.20s…: order %v, the speaker first", c.text, order)
		}
	}
}

// TestSpeakerPastClauseAndList: the subject of the speech verb is found
// past a clause of its own set off by commas (", who met Witkoff for
// four hours,": Putin speaks, Witkoff, inside it, does not) and at the
// head of a list of names longer than six words ("Britain, France,
// Germany, Italy, Finland and the European Union said": all six speak).
// Before, the six-word window took Witkoff for the speaker and kept
// only the last three of the list. A clause that is not a list keeps
// the six words: Britain, nine words before the verb, does not speak.
func TestSpeakerPastClauseAndList(t *testing.T) {
	hand, err := scenarios.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	actors := actorTermsOf(strip(hand))
	cases := []struct {
		text string
		want []string
	}{
		{"Putin, who met Witkoff for four hours, rejected the ceasefire.", []string{"russia"}},
		{"Putin, who met Witkoff for four hours, reportedly rejected the ceasefire.", []string{"russia"}},
		{"Britain, France, Germany, Italy, Finland and the European Union said the ceasefire must come first.",
			[]string{"european-commission", "finland", "france", "germany", "italy", "united-kingdom"}},
		{"the UK, France and Germany said the ceasefire must come first.", []string{"france", "germany", "united-kingdom"}},
		// unchanged: a list within six words, a clause not a list
		{"Britain, France, and Ukraine agreed to a plan.", []string{"france", "ukraine", "united-kingdom"}},
		{"Britain, at its meeting with many of the other allies, said the ceasefire must come first.", nil},
		{"At his meeting with Trump on Friday, Putin reiterated demands.", []string{"russia"}},
	}
	for _, c := range cases {
		sn := &sentence{text: c.text}
		_, verbAt := speech(c.text)
		var got []string
		for id := range speakersOf(actors, sn, findActors(actors, sn), verbAt) {
			got = append(got, id)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: speakers %v, want %v", c.text, got, c.want)
		}
	}
}

// TestSpeakerNamedThroughAppositive: a speaker named by a person the
// case does not list, with the actor in an appositive beside the name,
// is the actor the appositive or title says the person speaks for (the
// possessor, "Russia's …", else the first actor it names), not another
// actor named in it ("… on relations with Washington"), nor none when the
// title runs past six words. Three forms, with the built-in case's
// actors (Russia lists Kremlin, Putin and Lavrov, not Peskov; Ukraine
// lists Kyiv and Zelenskyy): "NAME, APPOSITIVE, said", "TITLE, NAME,
// said" and "TITLE NAME said". Where the subject names an actor itself
// ("Finland, a member of NATO …, said") the appositive is passed over as
// a ", who …," clause is. Before, 9 of these failed: the actor the
// title or appositive names last (Washington, the United States, Russia,
// the European Union) spoke instead or as well, or no one where marked.
func TestSpeakerNamedThroughAppositive(t *testing.T) {
	hand, err := scenarios.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	actors := actorTermsOf(strip(hand))
	cases := []struct {
		text string
		want []string
	}{
		// NAME, APPOSITIVE, verb
		{"Dmitry Peskov, the Kremlin spokesman, said the ceasefire must wait.", []string{"russia"}}, // as before
		{"Dmitry Peskov, the Kremlin's spokesman on relations with Washington, said the ceasefire must wait.", []string{"russia"}},
		{"Kirill Dmitriev, Putin's envoy for economic cooperation with the United States, said sanctions must be lifted first.", []string{"russia"}},
		{"Andrii Yermak, the head of the presidential office in Kyiv and a frequent visitor to Washington, said the ceasefire must come first.", []string{"ukraine"}},
		{"Finland, a member of NATO since 2023 and a neighbour of Russia, said the ceasefire must come first.", []string{"finland"}},
		{"Dmitry Peskov, the Kremlin's spokesman on relations with Washington, who spoke by telephone, said the ceasefire must wait.", []string{"russia"}},
		// TITLE, NAME, verb
		{"The Kremlin's spokesman, Dmitry Peskov, said the ceasefire must wait.", []string{"russia"}}, // as before
		{"Russia's ambassador to the European Union, Vladimir Chizhov, said the ceasefire must wait.", []string{"russia"}},
		{"Ukraine's deputy prime minister for European and Euro-Atlantic integration, Olha Stefanishyna, said the ceasefire must come first.", []string{"ukraine"}}, // no one before
		// TITLE NAME verb
		{"Russia's foreign minister Sergei Lavrov warned that the ceasefire must wait.", []string{"russia"}}, // as before
		{"Ukraine's ambassador to Washington Oksana Markarova said the ceasefire must come first.", []string{"ukraine"}},
		{"Russia's permanent representative to the United Nations in New York Vasily Nebenzya has warned that the ceasefire must wait.", []string{"russia"}}, // no one before
		// unchanged
		{"Zelenskyy, Ukraine's President, said the ceasefire must come first.", []string{"ukraine"}},
		{"Britain, at its meeting with many of the other allies, said the ceasefire must come first.", nil},
		{"At his meeting with Trump on Friday, Putin reiterated demands.", []string{"russia"}},
		{"In London after the Oval Office debacle, Britain, France, and Ukraine reportedly agreed to work out a plan.", []string{"france", "ukraine", "united-kingdom"}},
	}
	for _, c := range cases {
		sn := &sentence{text: c.text}
		_, verbAt := speech(c.text)
		var got []string
		for id := range speakersOf(actors, sn, findActors(actors, sn), verbAt) {
			got = append(got, id)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: speakers %v, want %v", c.text, got, c.want)
		}
	}
}
