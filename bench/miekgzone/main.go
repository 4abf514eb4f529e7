// Command miekgzone is the baseline of the zone loader benchmark
// (bench/zone.sh): it reads a zone file with miekg/dns's ZoneParser and does
// nothing with the records, so its time and memory are the cost of parsing
// alone. It prints the record count, or the parse error and exits 1.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/miekg/dns"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: miekgzone ORIGIN FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[2])
	if err != nil {
		fmt.Fprintf(os.Stderr, "miekgzone: %v\n", err)
		os.Exit(1)
	}
	defer f.Close()

	zp := dns.NewZoneParser(bufio.NewReaderSize(f, 1<<16), dns.Fqdn(os.Args[1]), os.Args[2])
	n := 0
	for _, ok := zp.Next(); ok; _, ok = zp.Next() {
		n++
	}
	if err := zp.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "miekgzone: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d records\n", n)
}
