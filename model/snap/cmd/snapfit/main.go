// Command snapfit fits the parameters of the snap model and of the
// compromise-band benchmark on the train issues of a DEU directory and
// prints them as Go (Fitted and BandScale of package snap), with the train
// and dev figures: MAE of the point (and of the compromise), mean log
// likelihood, coverage of the 80% and 95% intervals and mean CRPS.
//
//	go run ./model/snap/cmd/snapfit format/deu/testdata
package main

import (
	"fmt"
	"os"

	"parley/format/deu"
	"parley/model"
	"parley/model/snap"
	"parley/model/snap/snapfit"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: snapfit DEU-DIR")
		os.Exit(2)
	}
	train, dev, err := Load(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	par, err := snapfit.Fit(train)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	band := snap.FitBand(train)
	fmt.Printf("var Fitted = %#v\n", par)
	fmt.Printf("const BandScale = %v\n", band)
	for _, s := range []struct {
		name  string
		cases []snap.Case
	}{{"train", train}, {"dev", dev}} {
		fmt.Printf("%s: n %d  snap MAE %.2f (compromise %.2f)  loglik %.4f  cov80 %.3f cov95 %.3f  CRPS %.2f (band %.2f: cov80 %.3f cov95 %.3f)\n",
			s.name, len(s.cases), snap.PointMAE(s.cases, par.Snap), snap.PointMAE(s.cases, 0), snap.LogLik(s.cases, par),
			snap.Coverage(s.cases, par, par.Tau80), snap.Coverage(s.cases, par, par.Tau95), snap.MeanCRPS(s.cases, par),
			snap.BandCRPS(s.cases, band), snap.BandCoverage(s.cases, band, 0.1), snap.BandCoverage(s.cases, band, 0.025))
	}
}

// Load reads the scored issues of a DEU directory as train and dev cases.
func Load(dir string) (train, dev []snap.Case, err error) {
	d, err := deu.Read(dir)
	if err != nil {
		return nil, nil, err
	}
	cases, _ := d.Cases()
	for _, c := range cases {
		p, err := model.FromScenario(c.Scenario)
		if err != nil {
			return nil, nil, fmt.Errorf("issue %s: %v", c.ID, err)
		}
		sc := snap.Case{Problem: p, Issue: 0, Outcome: c.Outcome}
		switch c.Split {
		case "train":
			train = append(train, sc)
		case "dev":
			dev = append(dev, sc)
		}
	}
	return train, dev, nil
}
