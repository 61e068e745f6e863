package bundle

import (
	"bytes"
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
	"unicode/utf8"
)

// Error is a bundle the import refused; nothing was changed. Its message
// names the place in the file, e.g.
// trains[0].teams[2].scrum_master: unknown person "…".
type Error struct {
	Err error
}

func (e *Error) Error() string {
	return "the bundle was not imported, nothing was changed: " + e.Err.Error()
}
func (e *Error) Unwrap() error { return e.Err }

// Decode parses a bundle's JSON, checking its format and version
// first so a newer bundle is named as such rather than as a pile of
// unexpected fields. Errors are *Error with the place in the file.
func Decode(data []byte) (*Bundle, error) {
	r := NewReader(bytes.NewReader(data))
	b := &Bundle{Format: Format, Version: Version, Trains: []Train{}}
	for {
		t, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		b.Trains = append(b.Trains, *t)
	}
	b.ExportedBy = r.ExportedBy()
	return b, nil
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
func jsonError(data []byte, err error) error { return jsonErrorAt(data, err, "") }

// jsonErrorAt is jsonError for data that stands at place in the file.
func jsonErrorAt(data []byte, err error, at string) error {
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
		place := joinPlace(at, pathAt(data, typ.Offset))
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
func checkShape(data []byte, root reflect.Type) ([]byte, error) { return checkShapeAt(data, root, "") }

// joinPlace is the place p inside the value at prefix.
func joinPlace(prefix, p string) string {
	switch {
	case prefix == "":
		return p
	case p == "":
		return prefix
	case p[0] == '[':
		return prefix + p
	}
	return prefix + "." + p
}

// checkShapeAt is checkShape for data that stands at prefix in the file.
func checkShapeAt(data []byte, root reflect.Type, prefix string) ([]byte, error) {
	type respell struct {
		start, end int64
		lit        string
	}
	var edits []respell
	var err error
	jsonWalk(data, root, func(ev walkEvent) bool {
		// The place is worked out only for a refusal: the walk visits every
		// token of a file that may hold 50,000 trains.
		place := func() string { return joinPlace(prefix, walkPath(ev.stack)) }
		switch {
		case ev.unknownKey:
			err = fmt.Errorf("%s: unknown field", place())
		case ev.closed != nil && !ev.closed.array && ev.closed.typ != nil:
			si := structOf(ev.closed.typ)
			if missing := si.required &^ ev.closed.seen; missing != 0 {
				key := si.requiredKeys[bits.TrailingZeros64(missing)]
				at := joinPlace(place(), key)
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
