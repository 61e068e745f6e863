package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// A participant who cannot be in the room answers an ordinary assessment in
// their own Trainscope and sends the coach a response file (respond); the
// coach merges the files of several participants into the workshop
// (responses). docs/bundle-format.md describes the file.

// runRespond writes the answers of an assessment on this machine as the
// participant's response file:
// trainscope respond [-db PATH] -assessment ID -name NAME -role ROLE -o FILE.json
func runRespond(args []string) error {
	fs := flag.NewFlagSet("respond", flag.ContinueOnError)
	db := dbFlag(fs)
	id := fs.String("assessment", "", "id of the assessment you answered")
	name := fs.String("name", "", "your name, as the coach knows you")
	role := fs.String("role", "", "the role you speak from: "+roleChoices())
	out := fs.String("o", "", "file to write, or - for standard output")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return fmt.Errorf("respond: unexpected %q; name the file with -o FILE", strings.Join(rest, " "))
	case *id == "":
		return fmt.Errorf("respond: name the assessment you answered with -assessment ID")
	case strings.TrimSpace(*name) == "":
		return fmt.Errorf("respond: say who you are with -name NAME")
	case *role == "":
		return fmt.Errorf("respond: say which role you speak from with -role ROLE (%s)", roleChoices())
	case *out == "":
		return fmt.Errorf("respond: name the file to write with -o FILE.json")
	}
	r, err := parseParticipantRole(*role)
	if err != nil {
		return fmt.Errorf("respond: %w", err)
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	content, err := store.ExportResponse(context.Background(), *id, assessment.Participant{Name: *name, Role: r})
	if err != nil {
		return err
	}
	if *out == "-" {
		_, err := os.Stdout.Write(content)
		return err
	}
	if err := writeFileAtomic(*out, content, 0o600); err != nil {
		return fmt.Errorf("respond: %w", err)
	}
	rf, err := data.DecodeResponse(content)
	if err != nil {
		return fmt.Errorf("respond: the file written does not read back: %w", err)
	}
	fmt.Fprintf(os.Stdout, "Wrote the response of %s, %s, with %s to %s.\nSend it to the coach, who merges it into the workshop with:\n  trainscope responses -assessment WORKSHOP-ID %s\n",
		rf.Participant.Name, strings.ReplaceAll(string(r), "-", " "), nounCount(len(rf.Votes), "vote"), *out, *out)
	return nil
}

// runResponses merges participants' response files into a workshop
// assessment, all or nothing, and prints what it merged:
// trainscope responses [-db PATH] -assessment ID FILE.json...
func runResponses(args []string) error {
	fs := flag.NewFlagSet("responses", flag.ContinueOnError)
	db := dbFlag(fs)
	id := fs.String("assessment", "", "id of the workshop assessment the responses answer")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *id == "" {
		return fmt.Errorf("responses: name the workshop assessment with -assessment ID")
	}
	if len(rest) == 0 {
		return fmt.Errorf("responses: name the response files: trainscope responses [-db PATH] -assessment ID FILE.json [FILE.json ...]")
	}
	files := map[string][]byte{}
	for _, path := range rest {
		if _, dup := files[path]; dup {
			return fmt.Errorf("responses: %s is named twice", path)
		}
		content, err := readResponseFile(path)
		if err != nil {
			return fmt.Errorf("responses: %w", err)
		}
		files[path] = content
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.ImportResponses(context.Background(), *id, files)
	if err != nil {
		return err // it says what was refused and that nothing changed
	}
	fmt.Fprintf(os.Stdout, "Imported into assessment %s in %s\n%s", *id, store.Path(), rep)
	return nil
}

// readResponseFile reads a file up to one byte past the largest response,
// so an oversized file is refused by name without being read whole.
func readResponseFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	content, err := io.ReadAll(io.LimitReader(f, data.MaxResponseSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return content, nil
}

// parseParticipantRole reads a role as the coach or participant would type
// it: its id ("scrum-master") or its title in any framework ("Scrum
// Master", "RTE", "SoSM"), in any case.
func parseParticipantRole(s string) (assessment.ParticipantRole, error) {
	norm := func(v string) string {
		return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(v, "-", " ")), " "))
	}
	want := norm(s)
	for _, r := range assessment.ParticipantRoles {
		if norm(string(r)) == want {
			return r, nil
		}
		for _, f := range assessment.Frameworks {
			if norm(r.Title(f)) == want {
				return r, nil
			}
		}
	}
	return "", fmt.Errorf("unknown role %q; one of %s", s, roleChoices())
}

func roleChoices() string {
	ids := make([]string, len(assessment.ParticipantRoles))
	for i, r := range assessment.ParticipantRoles {
		ids[i] = string(r)
	}
	return strings.Join(ids, ", ")
}
