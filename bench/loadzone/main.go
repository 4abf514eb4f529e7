// Command loadzone is the sendlint side of the zone loader benchmark
// (bench/zone.sh): it loads one zone file with zonefile.Load into a
// lint.State and prints the number of findings; -v also counts names and
// records, which sorts every name and so is left out of timed runs.
// -cpuprofile and -memprofile write profiles for `go tool pprof`.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/sendlint/sendlint/lint"
	"github.com/sendlint/sendlint/zonefile"
)

func main() {
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	memProfile := flag.String("memprofile", "", "write a heap profile to `file` after loading")
	origin := flag.String("origin", "", "origin of the zone, when the file states none")
	verbose := flag.Bool("v", false, "count names and records, and show the first findings")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: loadzone [flags] FILE")
		os.Exit(2)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "loadzone: %v\n", err)
			os.Exit(1)
		}
		defer stop()
	}

	st := lint.NewState()
	zonefile.Load(st, flag.Arg(0), flag.Arg(0), zonefile.Options{Origin: *origin})

	fmt.Printf("%d findings\n", len(st.Problems))
	if *verbose {
		report(st)
	}
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			fmt.Fprintf(os.Stderr, "loadzone: %v\n", err)
			os.Exit(1)
		}
	}
	runtime.KeepAlive(st)
}

// report prints the number of names and records and the first findings.
func report(st *lint.State) {
	records := 0
	names := st.Names()
	for _, n := range names {
		records += len(st.Node(n).Records)
	}
	fmt.Printf("%d names, %d records\n", len(names), records)
	for i, p := range st.Problems {
		if i == 5 {
			break
		}
		fmt.Printf("%s: %s\n", p.Range, p.Message)
	}
}

func startCPUProfile(name string) (func(), error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()

	runtime.GC()
	return pprof.WriteHeapProfile(f)
}
