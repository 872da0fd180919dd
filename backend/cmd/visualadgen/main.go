// Command visualadgen serves the VisualAdGen API (and the built frontend).
package main

import (
	"context"
	"fmt"
	"os"
)

// main only calls run, so tests can start the whole server in-process.
func main() {
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "visualadgen:", err)
		os.Exit(1)
	}
}
