// Command trainscope is a desktop application for agile coaches who assess
// Agile Release Trains. Without a subcommand it opens the GUI; the
// subcommands work on the same database from the command line. All of it
// lives in internal/cli.
package main

import (
	"os"

	"github.com/trainscope/trainscope/internal/cli"
)

// version is replaced at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv, version))
}
