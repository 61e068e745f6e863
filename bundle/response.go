package bundle

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// A response file carries one participant's votes from their own machine
// to the coach's workshop: they answer an ordinary assessment with
// Trainscope, export their answers (trainscope respond), and the coach
// imports the files of several participants at once (trainscope responses).
// docs/bundle-format.md describes it beside the bundle; its JSON Schema is
// assets/response.schema.json. As for a bundle, null is taken nowhere and a
// whole number may be written 1.0.
const (
	ResponseFormat  = "trainscope-response"
	ResponseVersion = 1
	// MaxResponseSize is the largest response file ImportResponses reads.
	// A participant's votes on every item fit in a few kilobytes.
	MaxResponseSize = 1 << 20
)

// ResponseFile is a response file.
type ResponseFile struct {
	Format      string      `json:"format"`
	Version     int         `json:"version"`
	Participant Participant `json:"participant"`
	// ChecklistVersion is the version of the checklists the participant
	// answered; the items decide, since an item's id never changes.
	ChecklistVersion string `json:"checklist_version"`
	// Assessment is the id of the assessment the votes were given in: the
	// workshop's own id when the participant answered a copy of it, or one
	// of their own. Empty when not known.
	Assessment string         `json:"assessment"`
	Votes      []ResponseVote `json:"votes"`
}

// ResponseVote is the participant's vote on one item: a level from 1, -1
// not applicable, -2 don't know.
type ResponseVote struct {
	Item   string `json:"item"`
	Rating int    `json:"rating" bundle:"required"`
}

// DecodeResponse parses a response file's JSON, checking its format and
// version first. Errors name the place in the file.
func DecodeResponse(data []byte) (*ResponseFile, error) {
	if len(data) > MaxResponseSize {
		return nil, fmt.Errorf("the file is larger than %d MB, the most a response file may be", MaxResponseSize>>20)
	}
	data, err := TextOf(data)
	if err != nil {
		return nil, err
	}
	format, version, err := headOf(data)
	if err != nil {
		return nil, err
	}
	switch {
	case format != nil && *format == Format:
		return nil, errors.New("this is a bundle, not a response file; import it with trainscope import")
	case format == nil:
		return nil, fmt.Errorf("format: missing; a Trainscope response file says \"format\": %q", ResponseFormat)
	case *format != ResponseFormat:
		return nil, fmt.Errorf("format: %q; a Trainscope response file says \"format\": %q", *format, ResponseFormat)
	case version == nil:
		return nil, errors.New("version: missing")
	case *version != ResponseVersion:
		return nil, fmt.Errorf("version: %d is not supported; this Trainscope reads version %d (a newer Trainscope may read it)", *version, ResponseVersion)
	}
	if data, err = checkShape(data, reflect.TypeOf(ResponseFile{})); err != nil {
		return nil, err
	}
	var rf ResponseFile
	if err := json.Unmarshal(data, &rf); err != nil {
		return nil, jsonError(data, err)
	}
	if err := CheckTexts(&rf); err != nil {
		return nil, err
	}
	return &rf, nil
}
