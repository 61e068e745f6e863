package cli

import (
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
// participant's response file.
func runRespond(s *session, args []string) error {
	fs := s.flags("respond")
	id := fs.String("assessment", "", "`ID` of the assessment you answered")
	name := fs.String("name", "", "your `NAME`, as the coach knows you")
	role := fs.String("role", "", "the `ROLE` you speak from: "+roleChoices())
	out := fs.String("o", "", "the `FILE` to write, or - for standard output")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	switch {
	case *id == "":
		return fs.usageErr("name the assessment you answered with -assessment ID")
	case strings.TrimSpace(*name) == "":
		return fs.usageErr("say who you are with -name NAME")
	case *role == "":
		return fs.usageErr("say which role you speak from with -role ROLE (%s)", roleChoices())
	case *out == "":
		return fs.usageErr("name the file to write with -o FILE.json (or -o - for standard output)")
	}
	r, err := parseParticipantRole(*role)
	if err != nil {
		return fs.usageErr("%s", err)
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	content, err := store.ExportResponse(s.ctx, *id, assessment.Participant{Name: *name, Role: r})
	if err != nil {
		return err // it names the assessment and what to do
	}
	toFile, err := s.writeOutput(*out, content)
	if err != nil {
		return fmt.Errorf("respond: %w", err)
	}
	if !toFile {
		return nil
	}
	rf, err := data.DecodeResponse(content)
	if err != nil {
		return fmt.Errorf("respond: the file written does not read back: %w", err)
	}
	fmt.Fprintf(s.Stdout, "Wrote the response of %s, %s, with %s to %s.\nSend it to the coach, who merges it into the workshop with:\n  trainscope responses -assessment WORKSHOP-ID %s\n",
		rf.Participant.Name, strings.ReplaceAll(string(r), "-", " "), nounCount(len(rf.Votes), "vote"), *out, *out)
	return nil
}

// runResponses merges participants' response files into a workshop
// assessment, all or nothing, and prints what it merged.
func runResponses(s *session, args []string) error {
	fs := s.flags("responses")
	id := fs.String("assessment", "", "`ID` of the workshop assessment the responses answer")
	rest, err := s.parse(fs, args, -1)
	if err != nil {
		return err
	}
	if *id == "" {
		return fs.usageErr("name the workshop assessment with -assessment ID")
	}
	if len(rest) == 0 {
		return fs.usageErr("name the response files")
	}
	named := map[string]bool{}
	for _, path := range rest {
		if named[path] {
			return fs.usageErr("%s is named twice", path)
		}
		named[path] = true
	}
	files := map[string][]byte{}
	for _, path := range rest {
		content, err := readResponseFile(path)
		if err != nil {
			return fmt.Errorf("responses: %w", err)
		}
		files[path] = content
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.ImportResponses(s.ctx, *id, files)
	if err != nil {
		return err // it says what was refused and that nothing changed
	}
	fmt.Fprintf(s.Stdout, "Imported into assessment %s in %s\n%s", *id, store.Path(), rep)
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
