package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"math/bits"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/trainscope/trainscope/assessment"
)

// ImportReport says what an import did with each train and assessment.
type ImportReport struct {
	Added   []ImportItem
	Updated []ImportItem
	Skipped []ImportItem
	// Merged are trains both this copy and the bundle's had changed: their
	// changes were put together; Reason says what, and which value was
	// kept where both changed the same thing.
	Merged []ImportItem
	// Conflicts are assessments both sides had changed: the bundle's copy
	// is kept beside the one here as a conflict copy (ID is the copy's).
	Conflicts []ImportItem
	// Warnings are what the coach should know of an import that went
	// through, with the place in the file: an assessment of a checklist
	// version this Trainscope does not have, kept as it is.
	Warnings []string
}

// ImportItem is one train or assessment of an import.
type ImportItem struct {
	Kind   string // "train" or "assessment"
	ID     string
	Name   string // the train's name, or "train name, PI (date)" for an assessment
	Reason string // for a skipped one: why
}

// String is the report as the import command prints it.
func (r ImportReport) String() string {
	var b strings.Builder
	count := func(items []ImportItem, kind string) int {
		n := 0
		for _, it := range items {
			if it.Kind == kind {
				n++
			}
		}
		return n
	}
	for _, kind := range []string{"train", "assessment"} {
		fmt.Fprintf(&b, "%ss: %d added, %d updated, %d skipped", strings.ToUpper(kind[:1])+kind[1:],
			count(r.Added, kind), count(r.Updated, kind), count(r.Skipped, kind))
		if n := count(r.Merged, kind); n > 0 {
			fmt.Fprintf(&b, ", %d merged", n)
		}
		if n := count(r.Conflicts, kind); n > 0 {
			fmt.Fprintf(&b, ", %d kept as a conflict copy", n)
		}
		b.WriteString("\n")
	}
	for _, g := range []struct {
		verb  string
		items []ImportItem
	}{{"added", r.Added}, {"updated", r.Updated}, {"merged", r.Merged}, {"kept as a conflict copy:", r.Conflicts}, {"skipped", r.Skipped}} {
		for _, it := range g.items {
			fmt.Fprintf(&b, "  %s %s %q (%s)", g.verb, it.Kind, it.Name, it.ID)
			if it.Reason != "" {
				fmt.Fprintf(&b, ": %s", it.Reason)
			}
			b.WriteString("\n")
		}
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "  note: %s\n", w)
	}
	return b.String()
}

// BundleError is a bundle Import refused; nothing was changed. Its message
// names the place in the file, e.g.
// trains[0].teams[2].scrum_master: unknown person "…".
type BundleError struct {
	Err error
}

func (e *BundleError) Error() string {
	return "the bundle was not imported, nothing was changed: " + e.Err.Error()
}
func (e *BundleError) Unwrap() error { return e.Err }

func bundleErr(format string, args ...any) error {
	return &BundleError{Err: fmt.Errorf(format, args...)}
}

// Import reads a bundle and merges it into the database in one transaction.
// It checks everything before writing anything: a bundle that is too large,
// malformed, of an unknown version, or holds a wrong value, a duplicate id
// or a reference to someone not on the roster gives a *BundleError naming
// the place, and the database stays as it was.
//
// Trains and assessments merge by id and by their lineage (the content
// hashes of their revisions): one that is not here is added; one that is
// here with the same content, or that the copy here was made from, is
// skipped; a newer copy of the one here replaces it; when both were
// changed, a train's own data merges field by field and item by item, and
// an assessment is kept twice (the incoming one as a conflict copy), so
// neither side is lost. docs/bundle-format.md, "Merging", has the rules.
func (s *Store) Import(ctx context.Context, r io.Reader) (ImportReport, error) {
	var rep ImportReport
	data, err := io.ReadAll(io.LimitReader(r, MaxBundleSize+1))
	if err != nil {
		return rep, fmt.Errorf("import: read the bundle: %w", err)
	}
	if len(data) > MaxBundleSize {
		return rep, bundleErr("the file is larger than %d MB, the most a bundle may be", MaxBundleSize>>20)
	}
	b, err := DecodeBundle(data)
	if err != nil {
		return rep, err
	}
	trains, warnings, err := validateBundle(b, s.opts.Definitions)
	if err != nil {
		return rep, &BundleError{Err: err}
	}
	err = s.write(ctx, "import", func(tx *sql.Tx) error {
		rep = ImportReport{Warnings: warnings}
		return s.merge(ctx, tx, trains, b.ExportedBy, &rep)
	})
	if err != nil {
		var be *BundleError
		if errors.As(err, &be) {
			return ImportReport{}, be
		}
		return ImportReport{}, err
	}
	return rep, nil
}

// DecodeBundle parses a bundle's JSON, checking its format and version
// first so a newer bundle is named as such rather than as a pile of
// unexpected fields. Errors are *BundleError with the place in the file.
func DecodeBundle(data []byte) (*Bundle, error) {
	data, err := textOf(data)
	if err != nil {
		return nil, &BundleError{Err: err}
	}
	format, version, err := headOf(data)
	if err != nil {
		return nil, &BundleError{Err: err}
	}
	if format == nil || *format != BundleFormat {
		got := "missing"
		if format != nil {
			got = fmt.Sprintf("%q", *format)
		}
		return nil, bundleErr("format: %s; a Trainscope bundle says \"format\": %q", got, BundleFormat)
	}
	if version == nil {
		return nil, bundleErr("version: missing")
	}
	if *version != BundleVersion {
		return nil, bundleErr("version: %d is not supported; this Trainscope reads version %d (a newer Trainscope may read it)", *version, BundleVersion)
	}
	if data, err = checkShape(data, reflect.TypeOf(Bundle{})); err != nil {
		return nil, &BundleError{Err: err}
	}
	var b Bundle
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, &BundleError{Err: jsonError(data, err)}
	}
	if err := checkTexts(&b); err != nil {
		return nil, &BundleError{Err: err}
	}
	return &b, nil
}

// headOf reads a file's format and version, nil when missing; a version
// is a whole number however it is written (1, 1.0). It parses the whole
// file, so JSON that does not parse is refused here, with its place.
func headOf(data []byte) (format *string, version *int, err error) {
	var head struct {
		Format  *string         `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, nil, jsonError(data, err)
	}
	switch v := string(head.Version); {
	case v == "" || v == "null":
	case strings.ContainsAny(v[:1], "-0123456789"):
		whole, ok := wholeNumber(v)
		n, err := strconv.Atoi(whole)
		if !ok || err != nil {
			return nil, nil, fmt.Errorf("version: expected a whole number, found number %s", v)
		}
		version = &n
	default:
		found := map[byte]string{'"': "string", '{': "object", '[': "array", 't': "bool", 'f': "bool"}[v[0]]
		return nil, nil, fmt.Errorf("version: expected a whole number, found %s", found)
	}
	return head.Format, version, nil
}

// jsonError rewords encoding/json's errors with a place a person can find.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "unexpected end of JSON input"):
		return errors.New("the file ends in the middle of the JSON (is it cut short?)")
	case errors.As(err, &syn):
		// Offset is just past the character that broke the JSON.
		line, col := lineCol(data, syn.Offset-1)
		return fmt.Errorf("line %d, column %d: not valid JSON: %s", line, col, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.As(err, &typ):
		place := pathAt(data, typ.Offset)
		if place == "" {
			place = "the file"
		}
		return fmt.Errorf("%s: expected %s, found %s", place, jsonKind(typ.Type), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the file ends in the middle of the JSON (is it cut short?)")
	}
	return err
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	}
	return t.String()
}

func lineCol(data []byte, offset int64) (int, int) {
	offset = min(max(offset, 0), int64(len(data)))
	before := data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// jsonWalk reads data token by token keeping the path to the current value
// ("trains[0].teams[2].name") and the Go type each value decodes into. visit
// is called after every token; it stops the walk by returning true.
type walkFrame struct {
	array bool
	index int
	key   string
	typ   reflect.Type // the Go type this object or list decodes into; nil when unknown
	seen  uint64       // of an object: the required keys read so far (structInfo.required)
}

// walkEvent is one token of the walk.
type walkEvent struct {
	stack []walkFrame
	at    int64 // the offset just past the token
	tok   json.Token
	// slot is the field or list element the token is the value of, for a
	// value (not an object key, not a closing bracket); nil when unknown.
	slot *fieldInfo
	// unknownKey says tok is an object key the object's type does not have.
	unknownKey bool
	// closed is the object or list a closing bracket ended.
	closed *walkFrame
}

func walkPath(stack []walkFrame) string {
	var b strings.Builder
	for _, f := range stack {
		if f.array && f.index < 0 {
			// A list just opened, nothing in it read yet: the place is the
			// list itself ("trains[0].name", never "trains[0].name[-1]").
			continue
		}
		if f.array {
			fmt.Fprintf(&b, "[%d]", f.index)
		} else if f.key != "" {
			b.WriteString(".")
			b.WriteString(f.key)
		}
	}
	return strings.TrimPrefix(b.String(), ".")
}

// pathAt is the path of the value that ends at offset.
func pathAt(data []byte, offset int64) string {
	var found string
	jsonWalk(data, nil, func(ev walkEvent) bool {
		if ev.at >= offset {
			found = walkPath(ev.stack)
			return true
		}
		return false
	})
	return found
}

// checkShape checks what decoding into root's types would let pass
// silently, and gives the place of the first problem: a key the format
// does not have; null where Trainscope never writes null (encoding/json
// would read it as an empty list, an empty text, false or 0, so a script's
// None would wipe answers on merge); a required key left out (one the Go
// type marks `bundle:"required"`, whose absence would read as a legal
// zero). It returns data with every whole number written with a fraction
// or an exponent (1.0, 3e0, as Python and JavaScript tools may write them)
// respelt as the integer it is: JSON Schema counts those as integers, and
// encoding/json would refuse them.
func checkShape(data []byte, root reflect.Type) ([]byte, error) {
	type respell struct {
		start, end int64
		lit        string
	}
	var edits []respell
	var err error
	jsonWalk(data, root, func(ev walkEvent) bool {
		// The place is worked out only for a refusal: the walk visits every
		// token of a file that may hold 50,000 trains.
		place := func() string { return walkPath(ev.stack) }
		switch {
		case ev.unknownKey:
			err = fmt.Errorf("%s: unknown field", place())
		case ev.closed != nil && !ev.closed.array && ev.closed.typ != nil:
			si := structOf(ev.closed.typ)
			if missing := si.required &^ ev.closed.seen; missing != 0 {
				key := si.requiredKeys[bits.TrailingZeros64(missing)]
				at := key
				if p := place(); p != "" {
					at = p + "." + key
				}
				err = fmt.Errorf("%s: missing; the format requires it (%s)", at, noneHint(si.fields[key]))
			}
		case ev.slot == nil:
		case ev.tok == nil && !ev.slot.nullable:
			err = fmt.Errorf("%s: null; %s", place(), noneHint(*ev.slot))
		default:
			num, ok := ev.tok.(json.Number)
			if !ok || !isInt(deref(ev.slot.typ)) || !strings.ContainsAny(string(num), ".eE") {
				break
			}
			if whole, ok := wholeNumber(string(num)); ok {
				edits = append(edits, respell{ev.at - int64(len(num)), ev.at, whole})
			}
		}
		return err != nil
	})
	if err != nil || len(edits) == 0 {
		return data, err
	}
	out := make([]byte, 0, len(data))
	last := int64(0)
	for _, e := range edits {
		out = append(append(out, data[last:e.start]...), e.lit...)
		last = e.end
	}
	return append(out, data[last:]...), nil
}

// noneHint says what a field holds, and how to write "none" in it.
func noneHint(f fieldInfo) string {
	t := f.typ
	if t.Kind() == reflect.Pointer && !f.nullable {
		return "an object, or leave the field out"
	}
	t = deref(t)
	switch {
	case f.nullable:
		return jsonKind(t) + " or null"
	case t.Kind() == reflect.Slice:
		return `a list, [] for none`
	case t.Kind() == reflect.String:
		return `a text, "" for none`
	case t.Kind() == reflect.Bool:
		return "true or false"
	}
	return jsonKind(t)
}

func isInt(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

// wholeNumber is a JSON number literal as a plain integer, when it is a
// whole number that fits: "1.0" and "3e0" give "1" and "3"; "1.5" and
// "1e400" give false. An exponent beyond ±30 is not worked out at all (a
// bundle could otherwise ask for a number of a billion digits).
func wholeNumber(lit string) (string, bool) {
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(lit[i+1:], "+"))
		if err != nil || e > 30 || e < -30 {
			return "", false
		}
	}
	r, ok := new(big.Rat).SetString(lit)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return "", false
	}
	return r.Num().String(), true
}

func jsonWalk(data []byte, root reflect.Type, visit func(walkEvent) bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []walkFrame
	rootSlot := &fieldInfo{typ: root}
	// slot is the field or element the next value in the top frame fills.
	slot := func() *fieldInfo {
		if len(stack) == 0 {
			if root == nil {
				return nil
			}
			return rootSlot
		}
		top := stack[len(stack)-1]
		if top.typ == nil {
			return nil
		}
		if top.array {
			return elemOf(top.typ)
		}
		if f, ok := structOf(top.typ).fields[top.key]; ok {
			return &f
		}
		return nil
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		ev := walkEvent{tok: tok}
		valueDone := false
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				if n := len(stack); n > 0 && stack[n-1].array {
					stack[n-1].index++
				}
				// Only an object that decodes into a struct, or a list that
				// decodes into a slice, has types inside it to follow; any
				// other value here is of the wrong kind, which json.Unmarshal
				// reports with its place. ("name": [[]] once reached Elem of
				// a string and panicked.)
				var t reflect.Type
				if s := slot(); s != nil {
					t = deref(s.typ)
				}
				if t != nil && !(d == '{' && t.Kind() == reflect.Struct) && !(d == '[' && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array)) {
					t = nil
				}
				stack = append(stack, walkFrame{array: d == '[', index: -1, typ: t})
			case '}', ']':
				closed := stack[len(stack)-1]
				ev.closed = &closed
				stack = stack[:len(stack)-1]
				valueDone = true // the closed object or list was its parent's value
			}
		} else if n := len(stack); n > 0 {
			top := &stack[n-1]
			if top.array {
				top.index++
				ev.slot = slot()
			} else if key, ok := tok.(string); ok && expectingKey(top) {
				top.key = key
				markKey(top, true)
				if top.typ != nil {
					if f, known := structOf(top.typ).fields[key]; !known {
						ev.unknownKey = true
					} else if f.required >= 0 {
						top.seen |= 1 << f.required
					}
				}
			} else {
				ev.slot = slot()
				valueDone = true
			}
		} else {
			ev.slot = slot() // a bare value at the top: null, a number, a text
		}
		ev.stack, ev.at = stack, dec.InputOffset()
		if visit(ev) {
			return
		}
		if n := len(stack); valueDone && n > 0 && !stack[n-1].array {
			markKey(&stack[n-1], false)
		}
	}
}

// Objects alternate between reading a key and reading its value; the
// frame's index (unused for objects) records which: -1 expecting a key, 0
// expecting the value of key.
func expectingKey(f *walkFrame) bool { return f.index == -1 }

func markKey(f *walkFrame, readKey bool) {
	if readKey {
		f.index = 0
	} else {
		f.index = -1
	}
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldInfo is what the walk knows of one JSON key of a struct, or of the
// elements of a list.
type fieldInfo struct {
	typ reflect.Type // as declared: a pointer stays a pointer
	// nullable: null is a value here. Trainscope writes null for a nil
	// pointer it does not leave out (no omitempty): a draft's snapshot, an
	// answer's figure, a follow-up's check. Everywhere else null is refused.
	nullable bool
	required int // the key's bit in structInfo.required, or -1
}

// structInfo is what the walk knows of a struct: its JSON keys, embedded
// structs' included, as encoding/json sees them, and which keys the format
// requires (tagged `bundle:"required"`).
type structInfo struct {
	fields       map[string]fieldInfo
	required     uint64
	requiredKeys []string // by bit
}

// structsOf caches structOf by type: the walk asks at every key, and a
// bundle of 50,000 trains spent a fifth of its import here.
var structsOf sync.Map // reflect.Type → *structInfo

// structOf is t's structInfo. It is shared; do not change it.
func structOf(t reflect.Type) *structInfo {
	if si, ok := structsOf.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{fields: map[string]fieldInfo{}}
	if t.Kind() == reflect.Struct {
		addFields(si, t)
	}
	structsOf.Store(t, si)
	return si
}

func addFields(si *structInfo, t reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			addFields(si, f.Type)
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fi := fieldInfo{typ: f.Type, required: -1,
			nullable: f.Type.Kind() == reflect.Pointer && !slices.Contains(strings.Split(opts, ","), "omitempty")}
		if f.Tag.Get("bundle") == "required" {
			fi.required = len(si.requiredKeys)
			si.required |= 1 << fi.required
			si.requiredKeys = append(si.requiredKeys, name)
		}
		si.fields[name] = fi
	}
}

// elemsOf caches elemOf by list type.
var elemsOf sync.Map // reflect.Type → *fieldInfo

// elemOf is what the walk knows of an element of a list of type t: null is
// refused unless the elements are pointers.
func elemOf(t reflect.Type) *fieldInfo {
	if fi, ok := elemsOf.Load(t); ok {
		return fi.(*fieldInfo)
	}
	fi := &fieldInfo{typ: t.Elem(), nullable: t.Elem().Kind() == reflect.Pointer, required: -1}
	elemsOf.Store(t, fi)
	return fi
}

// jsonFields maps a struct's JSON keys to field types, as encoding/json
// sees them.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for k, f := range structOf(t).fields {
		out[k] = f.typ
	}
	return out
}

// importTrain is one validated train of a bundle, in domain types.
type importTrain struct {
	place       string
	history     []string // the bundle's history of the train's own data
	train       assessment.Train
	updatedAt   time.Time
	wire        BundleTrain // canonical, without assessments: compared to what is here
	live        rosterData
	assessments []importAssessment
}

type importAssessment struct {
	place      string
	history    []string
	a          assessment.Assessment
	created    time.Time
	updated    time.Time
	snapshot   *rosterData
	content    *contentSet
	answerTime map[string]string
	wire       BundleAssessment // canonical
}

// validateBundle checks every value and reference of a bundle and turns it
// into domain types, without touching the database. With the checklists
// (defs not nil) every answer, vote and observation is checked against its
// item too. The warnings are for the import's report.
func validateBundle(b *Bundle, defs *assessment.Definitions) ([]importTrain, []string, error) {
	var out []importTrain
	var warnings []string
	trainIDs := map[string]bool{}
	assessmentIDs := map[string]string{}
	for i, bt := range b.Trains {
		place := fmt.Sprintf("trains[%d]", i)
		it := importTrain{place: place}
		t := assessment.Train{ID: bt.ID, Name: bt.Name, Framework: assessment.Framework(bt.Framework), Description: bt.Description, Group: bt.Group}
		if err := validateTrain(t, place); err != nil {
			return nil, nil, err
		}
		if err := checkHistory(bt.History, place+".history"); err != nil {
			return nil, nil, err
		}
		it.history = bt.History
		if trainIDs[t.ID] {
			return nil, nil, fmt.Errorf("%s.id: duplicate id %q: the train appears twice in the bundle", place, t.ID)
		}
		trainIDs[t.ID] = true
		var err error
		if t.CreatedAt, err = bundleTime(bt.CreatedAt, place+".created_at", true); err != nil {
			return nil, nil, err
		}
		if it.updatedAt, err = bundleTime(bt.UpdatedAt, place+".updated_at", true); err != nil {
			return nil, nil, err
		}
		it.train = t
		if it.live, err = rosterFromBundle(bt.BundleRoster, bt.Impediments, place); err != nil {
			return nil, nil, err
		}
		it.wire = BundleTrain{ID: t.ID, Name: t.Name, Framework: bt.Framework, Description: t.Description, Group: t.Group,
			CreatedAt: formatTime(t.CreatedAt), UpdatedAt: stampOf(it.updatedAt),
			BundleRoster: rosterToBundle(it.live.Roster), Impediments: registerToBundle(it.live.Register), Assessments: []BundleAssessment{}}

		for j, ba := range bt.Assessments {
			ap := fmt.Sprintf("%s.assessments[%d]", place, j)
			if prev, dup := assessmentIDs[ba.ID]; dup && ba.ID != "" {
				return nil, nil, fmt.Errorf("%s.id: duplicate id %q: also at %s", ap, ba.ID, prev)
			}
			assessmentIDs[ba.ID] = ap
			ia, err := assessmentFromBundle(ba, t.ID, t.Framework, ap, defs, &warnings)
			if err != nil {
				return nil, nil, err
			}
			it.assessments = append(it.assessments, *ia)
		}
		out = append(out, it)
	}
	return out, warnings, nil
}

// stampOf formats a store time stamp: UTC, so the text sorts.
func stampOf(t time.Time) string { return t.UTC().Format(timeFormat) }

func rosterFromBundle(br BundleRoster, imps []BundleImpediment, place string) (rosterData, error) {
	var rd rosterData
	r := assessment.Roster{ValueStreamMap: br.ValueStreamMap}
	r.RequiredSkills = append(r.RequiredSkills, br.RequiredSkills...)
	for _, p := range br.People {
		r.People = append(r.People, assessment.Person{ID: p.ID, Name: p.Name, Contractor: p.Contractor})
	}
	for _, ra := range br.Roles {
		r.Roles = append(r.Roles, assessment.RoleAssignment{Role: assessment.ARTRole(ra.Role), PersonID: ra.Person})
	}
	for _, bt := range br.Teams {
		t := assessment.Team{ID: bt.ID, Name: bt.Name, ScrumMasterID: bt.ScrumMaster, ProductOwnerID: bt.ProductOwner}
		if len(bt.Developers) > 0 {
			t.DeveloperIDs = append([]string(nil), bt.Developers...)
		}
		if len(bt.Skills) > 0 {
			t.Skills = append([]string(nil), bt.Skills...)
		}
		r.Teams = append(r.Teams, t)
	}
	if err := validateRoster(r, place); err != nil {
		return rd, err
	}
	rd.Roster = r
	for i, bi := range imps {
		at := fmt.Sprintf("%s.impediments[%d]", place, i)
		imp := assessment.Impediment{ID: bi.ID, Title: bi.Title, Description: bi.Description, Level: assessment.ImpedimentLevel(bi.Level),
			TeamID: bi.Team, Owner: bi.Owner, Status: assessment.ImpedimentStatus(bi.Status), ROAM: assessment.ROAM(bi.ROAM),
			Escalated: bi.Escalated, RecurrenceOf: bi.RecurrenceOf}
		var err error
		if imp.Raised, err = bundleTime(bi.Raised, at+".raised", false); err != nil {
			return rd, err
		}
		if imp.Resolved, err = bundleTime(bi.Resolved, at+".resolved", false); err != nil {
			return rd, err
		}
		rd.Register = append(rd.Register, imp)
	}
	if err := validateRegister(rd.Register, place+".impediments"); err != nil {
		return rd, err
	}
	return rd, nil
}

func assessmentFromBundle(ba BundleAssessment, trainID string, f assessment.Framework, place string, defs *assessment.Definitions, warnings *[]string) (*importAssessment, error) {
	ba = upgradedBundleAssessment(ba)
	ia := &importAssessment{place: place, answerTime: map[string]string{}}
	a := assessment.Assessment{ID: ba.ID, TrainID: trainID, PI: ba.PI, Assessor: ba.Assessor,
		Status: assessment.AssessmentStatus(ba.Status), ChecklistVersion: ba.ChecklistVersion, PIWeeks: ba.PIWeeks,
		Answers: map[string]assessment.Answer{}, Notes: map[string]string{},
		Review: assessment.Review{Edits: map[string]assessment.RecommendationEdit{}}}
	if err := checkID(a.ID); err != nil {
		return nil, fmt.Errorf("%s.id: %w", place, err)
	}
	if err := checkHistory(ba.History, place+".history"); err != nil {
		return nil, err
	}
	ia.history = ba.History
	if ba.ConflictOf == a.ID {
		return nil, fmt.Errorf("%s.conflict_of: an assessment cannot be a conflict copy of itself", place)
	}
	var err error
	if a.Date, err = bundleTime(ba.Date, place+".date", true); err != nil {
		return nil, err
	}
	if ia.created, err = bundleTime(ba.CreatedAt, place+".created_at", true); err != nil {
		return nil, err
	}
	if ia.updated, err = bundleTime(ba.UpdatedAt, place+".updated_at", true); err != nil {
		return nil, err
	}
	if a.Status != assessment.Draft && a.Status != assessment.Final {
		return nil, fmt.Errorf("%s.status: unknown status %q (\"draft\" or \"final\")", place, ba.Status)
	}
	if err := validatePIWeeks(a.PIWeeks, place+".pi_weeks"); err != nil {
		return nil, err
	}
	if defs != nil && a.ChecklistVersion != "" && a.ChecklistVersion != defs.Version {
		*warnings = append(*warnings, fmt.Sprintf("%s.checklist_version: %q is not this Trainscope's checklist version %s; the assessment is kept as it was made, and scored by the items both versions share",
			place, a.ChecklistVersion, defs.Version))
	}
	if ba.Snapshot != nil {
		rd, err := rosterFromBundle(ba.Snapshot.BundleRoster, ba.Snapshot.Impediments, place+".snapshot")
		if err != nil {
			return nil, err
		}
		ia.snapshot = &rd
	} else if a.Status == assessment.Final {
		return nil, fmt.Errorf("%s.snapshot: missing; a final assessment keeps the roster and register of its date", place)
	}
	for i, bn := range ba.Answers {
		at := fmt.Sprintf("%s.answers[%d]", place, i)
		ans := assessment.Answer{ItemID: bn.Item, Rating: assessment.Rating(bn.Rating), Note: bn.Note, Evidence: bn.Evidence}
		if bn.Figure != nil {
			f := *bn.Figure
			ans.Figure = &f
		}
		if err := validateAnswer(ans, at); err != nil {
			return nil, err
		}
		if err := checkAnswerItem(defs, ans, at); err != nil {
			return nil, err
		}
		if emptyAnswer(ans) {
			return nil, fmt.Errorf("%s: an empty answer (no rating, figure, note or evidence)", at)
		}
		if _, dup := a.Answers[ans.ItemID]; dup {
			return nil, fmt.Errorf("%s.item: duplicate item %q", at, ans.ItemID)
		}
		t, err := bundleTime(bn.UpdatedAt, at+".updated_at", true)
		if err != nil {
			return nil, err
		}
		a.Answers[ans.ItemID] = ans
		ia.answerTime[ans.ItemID] = stampOf(t)
	}
	for i, bn := range ba.Notes {
		at := fmt.Sprintf("%s.notes[%d]", place, i)
		if err := checkID(bn.Checklist); err != nil {
			return nil, fmt.Errorf("%s.checklist: %w", at, err)
		}
		if bn.Note == "" {
			return nil, fmt.Errorf("%s.note: empty", at)
		}
		if _, dup := a.Notes[bn.Checklist]; dup {
			return nil, fmt.Errorf("%s.checklist: duplicate checklist %q", at, bn.Checklist)
		}
		a.Notes[bn.Checklist] = bn.Note
	}
	for i, be := range ba.RecommendationEdits {
		at := fmt.Sprintf("%s.recommendation_edits[%d]", place, i)
		if err := checkID(be.Recommendation); err != nil {
			return nil, fmt.Errorf("%s.recommendation: %w", at, err)
		}
		e := assessment.RecommendationEdit{Status: assessment.RecommendationStatus(be.Status), Finding: be.Finding, Action: be.Action,
			Acceptance: be.Acceptance, Owner: assessment.Owner(be.Owner), TargetPI: be.TargetPI, Priority: assessment.Priority(be.Priority), Reason: be.Reason}
		if err := validateEdit(e, at); err != nil {
			return nil, err
		}
		if e == (assessment.RecommendationEdit{}) {
			return nil, fmt.Errorf("%s: an edit that changes nothing", at)
		}
		if _, dup := a.Review.Edits[be.Recommendation]; dup {
			return nil, fmt.Errorf("%s.recommendation: duplicate recommendation %q", at, be.Recommendation)
		}
		a.Review.Edits[be.Recommendation] = e
	}
	fuIDs := map[string]bool{}
	for i, bf := range ba.FollowUps {
		at := fmt.Sprintf("%s.follow_ups[%d]", place, i)
		fu := assessment.FollowUp{RecommendationID: bf.Recommendation, Rule: bf.Rule, Finding: bf.Finding, Action: bf.Action,
			Acceptance: bf.Acceptance, Owner: assessment.Owner(bf.Owner), Escalation: assessment.ImpedimentLevel(bf.Escalation),
			TargetPI: bf.TargetPI, RaisedPI: bf.RaisedPI, Check: bf.Check, State: assessment.FollowUpState(bf.State), Note: bf.Note,
			Reason: bf.Reason, Override: bf.Override, OverrideReason: bf.OverrideReason}
		if bf.NoteDate != "" {
			d, err := parseTime(bf.NoteDate)
			if err != nil {
				return nil, fmt.Errorf("%s.note_date: %w", at, err)
			}
			fu.NoteDate = d
		}
		switch {
		case fu.State == assessment.FollowUpDropped && fu.Reason == "":
			return nil, fmt.Errorf("%s.reason: empty; a dropped follow-up says why it was dropped", at)
		case (fu.Override == "met" || fu.Override == "not-met") && fu.OverrideReason == "":
			return nil, fmt.Errorf("%s.override_reason: empty; overruling what the data says needs a reason", at)
		}
		if err := validateFollowUp(fu, at); err != nil {
			return nil, err
		}
		if err := validateCheck(fu.Check, at+".check"); err != nil {
			return nil, err
		}
		if fuIDs[fu.RecommendationID] {
			return nil, fmt.Errorf("%s.recommendation: duplicate follow-up %q", at, fu.RecommendationID)
		}
		fuIDs[fu.RecommendationID] = true
		a.FollowUps = append(a.FollowUps, fu)
	}
	recIDs := map[string]bool{}
	for i, br := range ba.Recommendations {
		at := fmt.Sprintf("%s.recommendations[%d]", place, i)
		r := assessment.Recommendation{ID: br.ID, Finding: br.Finding, Action: br.Action, Priority: assessment.Priority(br.Priority),
			Owner: assessment.Owner(br.Owner), Escalation: assessment.ImpedimentLevel(br.Escalation), Acceptance: br.Acceptance,
			TargetPI: br.TargetPI, Status: assessment.RecommendationStatus(br.Status), ByCoach: true}
		for _, ev := range br.Evidence {
			r.Evidence = append(r.Evidence, assessment.Evidence{Kind: assessment.EvidenceKind(ev.Kind), Ref: ev.Ref, Text: ev.Text})
		}
		if err := validateRecommendation(r, at); err != nil {
			return nil, err
		}
		if recIDs[r.ID] {
			return nil, fmt.Errorf("%s.id: duplicate id %q", at, r.ID)
		}
		recIDs[r.ID] = true
		a.Review.Added = append(a.Review.Added, r)
	}
	cs, err := assessmentContent(&a, place)
	if err != nil {
		return nil, err
	}
	if ba.Workshop != nil {
		if a.Workshop, err = workshopFromBundle(ba.Workshop, place+".workshop", defs); err != nil {
			return nil, err
		}
	}
	ia.a, ia.content = a, cs

	sa := &storedAssessment{A: &a, CreatedAt: stampOf(ia.created), UpdatedAt: stampOf(ia.updated), Snapshot: ia.snapshot != nil, AnswerUpdated: ia.answerTime}
	if ia.snapshot != nil {
		a.Roster, a.Register = ia.snapshot.Roster, ia.snapshot.Register
	}
	ia.wire = assessmentToBundle(sa, f)
	ia.wire.ConflictOf, ia.wire.ConflictCoach = ba.ConflictOf, ba.ConflictCoach
	a.Roster, a.Register = assessment.Roster{}, nil
	return ia, nil
}

func insertImported(ctx context.Context, tx *sql.Tx, ia importAssessment, lineage string) error {
	a := ia.a
	if err := insertAssessment(ctx, tx, &a, stampOf(ia.created), stampOf(ia.updated), ia.content, ia.answerTime); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE assessments SET lineage = ?, conflict_of = ?, conflict_coach = ? WHERE id = ?",
		lineage, ia.wire.ConflictOf, ia.wire.ConflictCoach, a.ID); err != nil {
		return err
	}
	if a.Workshop != nil {
		if err := saveWorkshop(ctx, tx, a.ID, nil, a.Workshop); err != nil {
			return err
		}
	}
	if ia.snapshot != nil {
		return writeSnapshot(ctx, tx, a.TrainID, a.ID, *ia.snapshot)
	}
	return nil
}

// workshopFromBundle checks a bundle's workshop and rebuilds it through the
// domain's own methods: each participant added (ids and names told apart),
// each vote cast before any reveal (votes were made in private, so they
// count whatever was revealed later), then the reveals and observations.
func workshopFromBundle(bw *BundleWorkshop, place string, defs *assessment.Definitions) (*assessment.Workshop, error) {
	w := &assessment.Workshop{Anonymous: bw.Anonymous, Revealed: map[string]bool{}, Observed: map[string]assessment.Rating{}}
	for i, bp := range bw.Participants {
		at := fmt.Sprintf("%s.participants[%d]", place, i)
		p := assessment.Participant{ID: bp.ID, Name: bp.Name, Role: assessment.ParticipantRole(bp.Role)}
		if p.Role == "" {
			return nil, fmt.Errorf("%s.role: missing (one of %s)", at, joinQuoted(assessment.ParticipantRoles))
		}
		if err := validateParticipant(p, at); err != nil {
			return nil, err
		}
		if strings.TrimSpace(p.Name) == "" {
			return nil, fmt.Errorf("%s.name: missing; a participant needs a name, even when the workshop is anonymous (then it is their label, e.g. \"Scrum Master 2\")", at)
		}
		if err := w.AddParticipant(p); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
	}
	seen := map[voteKey]bool{}
	for i, bv := range bw.Votes {
		at := fmt.Sprintf("%s.votes[%d]", place, i)
		if err := checkID(bv.Item); err != nil {
			return nil, fmt.Errorf("%s.item: %w", at, err)
		}
		if w.Participant(bv.Participant) == nil {
			return nil, fmt.Errorf("%s.participant: unknown participant %q", at, bv.Participant)
		}
		r := assessment.Rating(bv.Rating)
		if err := validateRating(r, at+".rating"); err != nil {
			return nil, err
		}
		if err := checkVoteItem(defs, bv.Item, r, at+".item", at+".rating"); err != nil {
			return nil, err
		}
		k := voteKey{bv.Participant, bv.Item}
		if seen[k] {
			return nil, fmt.Errorf("%s: a second vote of participant %q on item %q", at, bv.Participant, bv.Item)
		}
		seen[k] = true
		if err := w.Cast(bv.Participant, bv.Item, r); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
	}
	for i, item := range bw.Revealed {
		at := fmt.Sprintf("%s.revealed[%d]", place, i)
		if err := checkID(item); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		if err := checkVoteItem(defs, item, 0, at, ""); err != nil {
			return nil, err
		}
		if w.Revealed[item] {
			return nil, fmt.Errorf("%s: duplicate item %q", at, item)
		}
		w.Reveal(item)
	}
	for i, bo := range bw.Observations {
		at := fmt.Sprintf("%s.observations[%d]", place, i)
		if err := checkID(bo.Item); err != nil {
			return nil, fmt.Errorf("%s.item: %w", at, err)
		}
		r := assessment.Rating(bo.Rating)
		if err := validateRating(r, at+".rating"); err != nil {
			return nil, err
		}
		if err := checkVoteItem(defs, bo.Item, r, at+".item", at+".rating"); err != nil {
			return nil, err
		}
		if _, dup := w.Observed[bo.Item]; dup {
			return nil, fmt.Errorf("%s.item: duplicate item %q", at, bo.Item)
		}
		if err := w.Observe(bo.Item, r); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
	}
	return w, nil
}

// keepNames gives an anonymous workshop arriving from a bundle the names
// this machine knows for its participants, by id. Should a kept name clash
// with another participant's label, the labels stay.
func keepNames(in, here *assessment.Workshop) *assessment.Workshop {
	names := map[string]string{}
	for _, p := range here.Participants {
		names[p.ID] = p.Name
	}
	out := cloneWorkshop(in)
	trial := &assessment.Workshop{}
	for i, p := range out.Participants {
		if n, ok := names[p.ID]; ok {
			p.Name = n
		}
		if trial.AddParticipant(p) != nil {
			return in
		}
		out.Participants[i] = p
	}
	return out
}
