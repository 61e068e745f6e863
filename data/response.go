package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/bundle"
)

// The response file's format and its types are package bundle's.
const (
	ResponseFormat  = bundle.ResponseFormat
	ResponseVersion = bundle.ResponseVersion
	MaxResponseSize = bundle.MaxResponseSize
)

type (
	ResponseFile = bundle.ResponseFile
	ResponseVote = bundle.ResponseVote
)

// ResponseReport says what ImportResponses merged.
type ResponseReport struct {
	Started bool // the assessment was not a workshop; the import made it one
	Merged  []MergedResponse
}

// MergedResponse is one response file merged into the workshop.
type MergedResponse struct {
	File        string
	Participant assessment.Participant
	Shown       string // how the workshop names them: their name, or their anonymous label
	Votes       int
	Note        string // something the coach may want to know, e.g. another checklist version
}

// String is the report as the responses command prints it.
func (r ResponseReport) String() string {
	var b strings.Builder
	if r.Started {
		b.WriteString("The assessment is now a workshop.\n")
	}
	votes := 0
	for _, m := range r.Merged {
		votes += m.Votes
	}
	fmt.Fprintf(&b, "Merged %d %s with %d %s:\n", len(r.Merged), plural(len(r.Merged), "response"), votes, plural(votes, "vote"))
	for _, m := range r.Merged {
		fmt.Fprintf(&b, "  %s: %s, %d %s", m.File, m.Shown, m.Votes, plural(m.Votes, "vote"))
		if m.Note != "" {
			fmt.Fprintf(&b, " (%s)", m.Note)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// ResponseError is a set of response files ImportResponses refused because
// of one of them; nothing was changed. File names the file.
type ResponseError struct {
	File string
	Err  error
}

func (e *ResponseError) Error() string {
	return "the responses were not imported, nothing was changed: " + e.File + ": " + e.Err.Error()
}
func (e *ResponseError) Unwrap() error { return e.Err }

// ExportResponse writes the answers of an assessment on this machine as p's
// response file: one vote per item answered (see
// assessment.ResponseFromAssessment). p's ID is filled with a new id when
// empty; the id lets the coach's Trainscope refuse the same file imported
// twice.
func (s *Store) ExportResponse(ctx context.Context, assessmentID string, p assessment.Participant) ([]byte, error) {
	defs := s.opts.Definitions
	if defs == nil {
		return nil, errors.New("export response: the checklists are not loaded (data.Options.Definitions)")
	}
	if p.ID == "" {
		p.ID = NewID()
	}
	if err := validateParticipant(p, "participant"); err != nil {
		return nil, fmt.Errorf("export response: %w", err)
	}
	// The domain's rules for a participant (a name, the role defaulted).
	var alone assessment.Workshop
	if err := alone.AddParticipant(p); err != nil {
		return nil, fmt.Errorf("export response: %w", err)
	}
	p = alone.Participants[0]
	a, err := s.Assessment(ctx, assessmentID)
	if err != nil {
		return nil, fmt.Errorf("export response: %w", err)
	}
	r := assessment.ResponseFromAssessment(defs, a, p)
	if len(r.Votes) == 0 {
		return nil, fmt.Errorf("export response: assessment %s has no answers to send; rate some items first", assessmentID)
	}
	rf := ResponseFile{Format: ResponseFormat, Version: ResponseVersion,
		Participant:      BundleParticipant{ID: p.ID, Name: p.Name, Role: string(p.Role)},
		ChecklistVersion: a.ChecklistVersion, Assessment: a.ID, Votes: []ResponseVote{}}
	for _, v := range r.Votes {
		rf.Votes = append(rf.Votes, ResponseVote{Item: v.ItemID, Rating: int(v.Rating)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rf); err != nil {
		return nil, fmt.Errorf("export response: %w", err)
	}
	return buf.Bytes(), nil
}

// DecodeResponse parses a response file's JSON, checking its format and
// version first. Errors name the place in the file.
func DecodeResponse(data []byte) (*ResponseFile, error) { return bundle.DecodeResponse(data) }

// responseFromFile checks a decoded response against the checklists and
// turns it into the domain's Response. A missing participant id gets a new
// one.
func responseFromFile(rf *ResponseFile, defs *assessment.Definitions) (assessment.Response, error) {
	rf = upgradedResponse(rf)
	p := assessment.Participant{ID: rf.Participant.ID, Name: rf.Participant.Name, Role: assessment.ParticipantRole(rf.Participant.Role)}
	if p.ID == "" {
		p.ID = NewID()
	}
	if err := validateParticipant(p, "participant"); err != nil {
		return assessment.Response{}, err
	}
	if strings.TrimSpace(p.Name) == "" {
		return assessment.Response{}, errors.New("participant.name: missing; a response says who answered")
	}
	if rf.Assessment != "" {
		if err := checkID(rf.Assessment); err != nil {
			return assessment.Response{}, fmt.Errorf("assessment: %w", err)
		}
	}
	if len(rf.Votes) == 0 {
		return assessment.Response{}, errors.New("votes: none; the participant answered no item")
	}
	r := assessment.Response{Participant: p}
	first := map[string]int{}
	for i, v := range rf.Votes {
		at := fmt.Sprintf("votes[%d]", i)
		if err := checkID(v.Item); err != nil {
			return assessment.Response{}, fmt.Errorf("%s.item: %w", at, err)
		}
		if j, dup := first[v.Item]; dup {
			return assessment.Response{}, fmt.Errorf("%s.item: a second vote for item %q (the first is votes[%d])", at, v.Item, j)
		}
		first[v.Item] = i
		if err := assessment.CheckRating(defs, v.Item, assessment.Rating(v.Rating)); err != nil {
			return assessment.Response{}, fmt.Errorf("%s: %w", at, err)
		}
		r.Votes = append(r.Votes, assessment.Vote{ParticipantID: p.ID, ItemID: v.Item, Rating: assessment.Rating(v.Rating)})
	}
	return r, nil
}

// ImportResponses merges participants' response files into the workshop of
// an assessment, all or nothing, in one transaction; files maps each file's
// name (as the coach knows it) to its content. Every file is checked first:
// its size, JSON, format and version, its participant, and every vote
// against the checklists (Options.Definitions). Then the domain merges them
// (assessment.Workshop.Merge). A participant already in the workshop or in
// two files, a vote for an item the checklists do not have, or a file that
// answers another assessment in this database gives a *ResponseError
// naming the file, and the database stays as it was. An assessment that is
// not yet a workshop becomes one (not anonymous); a finished one gives
// ErrFinal.
func (s *Store) ImportResponses(ctx context.Context, assessmentID string, files map[string][]byte) (ResponseReport, error) {
	defs := s.opts.Definitions
	if defs == nil {
		return ResponseReport{}, errors.New("import responses: the checklists are not loaded (data.Options.Definitions)")
	}
	if len(files) == 0 {
		return ResponseReport{}, errors.New("import responses: no response files")
	}
	type parsed struct {
		file string
		rf   *ResponseFile
		r    assessment.Response
	}
	var all []parsed
	for _, name := range sortedKeys(files) {
		rf, err := DecodeResponse(files[name])
		if err != nil {
			return ResponseReport{}, &ResponseError{File: name, Err: err}
		}
		r, err := responseFromFile(rf, defs)
		if err != nil {
			return ResponseReport{}, &ResponseError{File: name, Err: err}
		}
		// Merge refuses a person twice among the files too; saying which
		// two files helps the coach more than which one.
		for _, prev := range all {
			q, p := prev.r.Participant, r.Participant
			qn, pn := strings.TrimSpace(q.Name), strings.TrimSpace(p.Name)
			switch {
			case q.ID == p.ID && !strings.EqualFold(qn, pn):
				// Two people, one id: a file copied and edited by hand, or
				// exported twice from one machine under two names.
				return ResponseReport{}, &ResponseError{File: name, Err: fmt.Errorf("participant %q has the same id (%s) as %q in %s, so they cannot be told apart; ask %q to export their response again from their own Trainscope",
					pn, p.ID, qn, prev.file, pn)}
			case q.ID == p.ID || strings.EqualFold(qn, pn):
				return ResponseReport{}, &ResponseError{File: name, Err: fmt.Errorf("participant %q is also in %s; each person answers once, so import only one of the two files", pn, prev.file)}
			}
		}
		all = append(all, parsed{file: name, rf: rf, r: r})
	}

	var rep ResponseReport
	err := s.write(ctx, "import responses", func(tx *sql.Tx) error {
		rep = ResponseReport{}
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		var version string
		var framework assessment.Framework
		if err := tx.QueryRowContext(ctx, `SELECT a.checklist_version, t.framework FROM assessments a JOIN trains t ON t.id = a.train_id
			WHERE a.id = ?`, assessmentID).Scan(&version, &framework); err != nil {
			return err
		}
		for _, p := range all {
			if p.rf.Assessment == "" || p.rf.Assessment == assessmentID {
				continue
			}
			var other bool
			if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM assessments WHERE id = ?)", p.rf.Assessment).Scan(&other); err != nil {
				return err
			}
			if other {
				return &ResponseError{File: p.file, Err: fmt.Errorf("it answers another assessment in this database (%s), not this one", p.rf.Assessment)}
			}
		}
		before, err := loadWorkshop(ctx, tx, assessmentID)
		if err != nil {
			return err
		}
		var after *assessment.Workshop
		if before == nil {
			rep.Started = true
			after = &assessment.Workshop{Revealed: map[string]bool{}, Observed: map[string]assessment.Rating{}}
		} else {
			after = cloneWorkshop(before)
		}
		// One file at a time, so a refusal names its file; the copy is
		// only written once every file merged.
		for _, p := range all {
			if err := after.Merge(defs, []assessment.Response{p.r}); err != nil {
				if inner := errors.Unwrap(err); inner != nil {
					err = inner // Merge numbers the responses; the file name says more
				}
				return &ResponseError{File: p.file, Err: err}
			}
			m := MergedResponse{File: p.file, Participant: *after.Participant(p.r.Participant.ID), Votes: len(p.r.Votes)}
			m.Shown = after.DisplayName(m.Participant, framework)
			if p.rf.ChecklistVersion != "" && version != "" && p.rf.ChecklistVersion != version {
				m.Note = fmt.Sprintf("answered checklist version %s; this assessment uses %s", p.rf.ChecklistVersion, version)
			}
			rep.Merged = append(rep.Merged, m)
		}
		if err := saveWorkshop(ctx, tx, assessmentID, before, after); err != nil {
			return err
		}
		return s.stampAssessment(ctx, tx, assessmentID)
	})
	if err != nil {
		var re *ResponseError
		if errors.As(err, &re) {
			return ResponseReport{}, re
		}
		return ResponseReport{}, err
	}
	return rep, nil
}
