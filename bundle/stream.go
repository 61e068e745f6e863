package bundle

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"unicode/utf8"
)

// A Reader reads a bundle one train at a time (issue 18), so memory holds
// one train and not the whole file: a bundle of any number of trains reads
// in the memory of its largest train. Every train goes through the checks
// Decode makes (the file's text, its JSON, its shape, its texts), with the
// same located messages.
//
// Which problem a file is refused for does not depend on where it stands:
// the file not being UTF-8 comes first, then JSON that does not parse,
// then the format, then the version, then the shape (an unknown field,
// null, a required field left out), then a value of the wrong kind, then a
// text, then what the caller found (Abort); of two problems of one kind
// the first in the file. So once Next has found a problem, or the caller
// one (Abort), the rest of the file is still read, to find a problem that
// comes before it.
type Reader struct {
	src   *source
	dec   *json.Decoder
	state int
	n     int // trains read

	format, version json.RawMessage // as the file has them; nil when missing
	hasFormat       bool
	hasVersion      bool
	exportedBy      string
	sawTrains       bool
	key             string   // the key of the file's object being read
	ioErr           error    // reading the file failed: no problem of the file
	best            *problem // the problem that comes first so far
}

const (
	beforeFile = iota
	inFile
	inTrains
	afterFile
)

// What a problem is, in the order problems come.
const (
	rankText = iota // not UTF-8
	rankJSON        // does not parse, or is cut short
	rankFormat
	rankVersion
	rankShape
	rankKind
	rankTexts
	rankCaller
)

type problem struct {
	rank int
	err  error
}

// MaxTrainSize is the most one train may take in a file: a sample train
// with twenty finished assessments is under a megabyte, and no text may be
// longer than its limit (assessment/limits.go), so anything near this is
// not a train; refusing it keeps memory bounded.
const MaxTrainSize = 64 << 20

var (
	// maxFile is the most a bundle file may be: a sanity cap, far above
	// any portfolio (500 sample trains of ten assessments are 229 MB).
	maxFile int64 = MaxSize
	// maxTrain is MaxTrainSize; a test may lower it.
	maxTrain = MaxTrainSize
)

// NewReader reads a bundle from r. A UTF-8 byte-order mark is read past.
func NewReader(r io.Reader) *Reader {
	src := &source{br: bufio.NewReaderSize(r, 64<<10)}
	dec := json.NewDecoder(src)
	dec.UseNumber()
	return &Reader{src: src, dec: dec}
}

// ExportedBy is the bundle's exported_by; known for certain once Next has
// returned io.EOF (a file may have it after its trains).
func (r *Reader) ExportedBy() string { return r.exportedBy }

// Place is where the train Next returned last stands in the file:
// "trains[3]".
func (r *Reader) Place() string { return fmt.Sprintf("trains[%d]", r.n-1) }

// Next returns the next train. After the last it returns io.EOF, once the
// whole file has been read and found a bundle; a refused file gives an
// *Error naming the place; an error reading the file is returned as it is.
func (r *Reader) Next() (*Train, error) {
	for {
		switch r.state {
		case afterFile:
			if r.ioErr != nil {
				return nil, r.ioErr
			}
			if r.best != nil {
				return nil, &Error{Err: r.best.err}
			}
			return nil, io.EOF
		case beforeFile:
			r.begin()
		case inFile:
			r.member()
		case inTrains:
			if t := r.nextTrain(); t != nil {
				return t, nil
			}
		}
	}
}

// Abort is for a problem the caller found in the train Next returned
// last: it reads the rest of the file and returns the problem that comes
// first, err or one of the file's own, as an *Error (err's own when it is
// one).
func (r *Reader) Abort(err error) error {
	var be *Error
	if errors.As(err, &be) {
		err = be.Err
	}
	r.note(rankCaller, err)
	for r.state != afterFile {
		switch r.state {
		case beforeFile:
			r.begin()
		case inFile:
			r.member()
		case inTrains:
			r.nextTrain()
		}
	}
	if r.ioErr != nil {
		return r.ioErr
	}
	return &Error{Err: r.best.err}
}

// note keeps a problem if it comes before the one kept so far.
func (r *Reader) note(rank int, err error) {
	if r.best == nil || rank < r.best.rank {
		r.best = &problem{rank, err}
	}
}

// fatal ends the reading at a problem of the file's text or JSON; the rest
// of the file is still read for bytes that are not UTF-8, which come
// first.
func (r *Reader) fatal(err error) {
	var syn *json.SyntaxError
	if !errors.As(err, new(*textError)) && !errors.As(err, new(*sizeError)) && !errors.As(err, &syn) &&
		!errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		r.ioErr = err
		r.state = afterFile
		return
	}
	rank := rankJSON
	if errors.As(err, new(*textError)) {
		rank = rankText
	}
	r.note(rank, r.jsonProblem(err))
	if r.best.rank > rankText {
		if terr := r.src.drain(); terr != nil {
			r.note(rankText, terr)
		}
	}
	r.state = afterFile
}

// jsonProblem words an error of the decoder with a place a person can
// find: the bytes since the last train are scanned again to find where the
// JSON broke.
func (r *Reader) jsonProblem(err error) error {
	var te *textError
	var big *sizeError
	switch {
	case errors.As(err, &te):
		return te
	case errors.As(err, &big):
		if big.whole {
			return big
		}
		if r.state == inTrains {
			return fmt.Errorf("trains[%d]: %s in one train; %s", r.n, big.what, tooBigHint)
		}
		place := r.key
		if place == "" {
			place = "the file"
		}
		return fmt.Errorf("%s: %s in one value; %s", place, big.what, tooBigHint)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the file ends in the middle of the JSON (is it cut short?)")
	}
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		return err
	}
	prefix := r.src.context
	kept := r.src.kept()
	d := json.NewDecoder(io.MultiReader(bytes.NewReader([]byte(prefix)), bytes.NewReader(kept)))
	var raw json.RawMessage
	rerr := d.Decode(&raw)
	if errors.As(rerr, &syn) {
		// Offset is just past the character that broke the JSON.
		line, col := r.src.lineCol(r.src.keptAt + syn.Offset - int64(len(prefix)) - 1)
		return fmt.Errorf("line %d, column %d: not valid JSON: %s", line, col, syn.Error())
	}
	if rerr == nil {
		// What follows the file's one value.
		off := r.src.keptAt + d.InputOffset() - int64(len(prefix))
		rest := kept[min(max(d.InputOffset()-int64(len(prefix)), 0), int64(len(kept))):]
		i := bytes.IndexFunc(rest, func(c rune) bool { return c != ' ' && c != '\t' && c != '\n' && c != '\r' })
		if i >= 0 {
			line, col := r.src.lineCol(off + int64(i))
			return fmt.Errorf("line %d, column %d: not valid JSON: invalid character %q after top-level value", line, col, rest[i])
		}
	}
	return errors.New("the file ends in the middle of the JSON (is it cut short?)")
}

// begin reads the file's first token.
func (r *Reader) begin() {
	r.state = inFile
	tok, err := r.dec.Token()
	if err != nil {
		r.fatal(err)
		return
	}
	if d, ok := tok.(json.Delim); ok && d == '{' {
		return
	}
	// Not an object: the file is this one value.
	found := ""
	switch v := tok.(type) {
	case json.Delim:
		found = "array"
		if err := r.skipRest(int(v)); err != nil {
			r.fatal(err)
			return
		}
	case nil:
	case string:
		found = "string"
	case json.Number:
		found = "number"
	case bool:
		found = "bool"
	}
	if err := r.end(); err != nil {
		r.fatal(err)
		return
	}
	if found == "" {
		// null: a file without a format.
		r.note(rankFormat, fmt.Errorf("format: missing; a Trainscope bundle says \"format\": %q", Format))
	} else {
		r.note(rankFormat, fmt.Errorf("the file: expected an object, found %s", found))
	}
	r.state = afterFile
}

// skipRest reads to the end of the list or object just opened.
func (r *Reader) skipRest(int) error {
	depth := 1
	for depth > 0 {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '[' || d == '{' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// end checks that nothing but space follows the file's value.
func (r *Reader) end() error {
	rest := io.MultiReader(r.dec.Buffered(), r.src)
	buf := make([]byte, 4096)
	for {
		n, err := rest.Read(buf)
		for _, c := range buf[:n] {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return &json.SyntaxError{Offset: 0}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// member reads one key of the file's object and its value, or its end.
func (r *Reader) member() {
	tok, err := r.dec.Token()
	if err != nil {
		r.fatal(err)
		return
	}
	if d, ok := tok.(json.Delim); ok && d == '}' {
		r.finish()
		return
	}
	key, _ := tok.(string)
	r.key = key
	if key == "trains" && !r.sawTrains {
		r.sawTrains = true
		if r.dec.More() {
			// Peek at the value: a list is read train by train.
			tok, err := r.dec.Token()
			if err != nil {
				r.fatal(err)
				return
			}
			if d, ok := tok.(json.Delim); ok && d == '[' {
				r.state = inTrains
				r.src.mark(r.dec.InputOffset(), `{"trains":[`)
				return
			}
			r.wrongTrains(tok)
			return
		}
	}
	var raw json.RawMessage
	if err := r.dec.Decode(&raw); err != nil {
		r.fatal(err)
		return
	}
	switch key {
	case "format":
		r.format, r.hasFormat = raw, true
		return
	case "version":
		r.version, r.hasVersion = raw, true
		return
	}
	si := structOf(reflect.TypeOf(Bundle{}))
	f, known := si.fields[key]
	if key == "trains" {
		r.note(rankShape, errors.New("trains: a second list of trains; a bundle has one"))
		return
	}
	if !known {
		r.note(rankShape, fmt.Errorf("%s: unknown field", key))
		return
	}
	r.value(raw, f.typ, key, func(v reflect.Value) {
		if key == "exported_by" {
			r.exportedBy = v.String()
		}
	})
}

// wrongTrains refuses a "trains" that is not a list, having read it.
func (r *Reader) wrongTrains(tok json.Token) {
	found := ""
	switch v := tok.(type) {
	case nil:
		r.note(rankShape, errors.New("trains: null; a list, [] for none"))
	case json.Delim:
		found = "object"
		if err := r.skipRest(int(v)); err != nil {
			r.fatal(err)
			return
		}
	case string:
		found = "string"
	case json.Number:
		found = "number"
	case bool:
		found = "bool"
	}
	if found != "" {
		r.note(rankKind, fmt.Errorf("trains: expected a list, found %s", found))
	}
}

// value checks one value of type t at place as Decode would, and hands it
// to use when it passes.
func (r *Reader) value(raw []byte, t reflect.Type, place string, use func(reflect.Value)) {
	raw, err := checkShapeAt(raw, t, place)
	if err != nil {
		r.note(rankShape, err)
		return
	}
	v := reflect.New(t)
	if err := json.Unmarshal(raw, v.Interface()); err != nil {
		r.note(rankKind, jsonErrorAt(raw, err, place))
		return
	}
	if err := walkTexts(v, place, LineRule); err != nil {
		r.note(rankTexts, err)
		return
	}
	use(v.Elem())
}

// nextTrain reads the next train of the list, or its end. It returns the
// train when it passes and no problem has been found before it.
func (r *Reader) nextTrain() *Train {
	if !r.dec.More() {
		if _, err := r.dec.Token(); err != nil {
			r.fatal(err)
			return nil
		}
		r.state = inFile
		r.src.mark(r.dec.InputOffset(), `{"trains":[]`)
		return nil
	}
	var raw json.RawMessage
	if err := r.dec.Decode(&raw); err != nil {
		r.fatal(err)
		return nil
	}
	place := fmt.Sprintf("trains[%d]", r.n)
	r.n++
	r.src.mark(r.dec.InputOffset(), `{"trains":[0`)
	var t *Train
	r.value(raw, reflect.TypeOf(Train{}), place, func(v reflect.Value) {
		t = v.Addr().Interface().(*Train)
	})
	if t == nil || r.best != nil || r.headWrong() {
		return nil
	}
	return t
}

// headWrong says the format or version read so far refuses the file.
func (r *Reader) headWrong() bool {
	if r.hasFormat {
		if err := checkFormat(r.format); err != nil {
			r.note(rankFormat, err)
			return true
		}
	}
	if r.hasVersion {
		if rank, err := checkVersion(r.version); err != nil {
			r.note(rank, err)
			return true
		}
	}
	return false
}

// finish is the end of the file's object.
func (r *Reader) finish() {
	r.state = afterFile
	if err := r.end(); err != nil {
		r.fatal(err)
		return
	}
	if !r.hasFormat {
		r.note(rankFormat, fmt.Errorf("format: missing; a Trainscope bundle says \"format\": %q", Format))
	} else if err := checkFormat(r.format); err != nil {
		r.note(rankFormat, err)
	}
	if !r.hasVersion {
		r.note(rankVersion, errors.New("version: missing"))
	} else if rank, err := checkVersion(r.version); err != nil {
		r.note(rank, err)
	}
	if !r.sawTrains {
		r.note(rankShape, errors.New("trains: missing; the format requires it (a list, [] for none)"))
	}
}

func checkFormat(raw json.RawMessage) error {
	var format *string
	if err := json.Unmarshal(raw, &format); err != nil {
		return jsonErrorAt(raw, err, "format")
	}
	if format == nil || *format != Format {
		got := "missing"
		if format != nil {
			got = fmt.Sprintf("%q", *format)
		}
		return fmt.Errorf("format: %s; a Trainscope bundle says \"format\": %q", got, Format)
	}
	return nil
}

func checkVersion(raw json.RawMessage) (int, error) {
	_, version, err := headOf([]byte(`{"version":` + string(raw) + `}`))
	switch {
	case err != nil:
		return rankVersion, err
	case version == nil:
		return rankVersion, errors.New("version: missing")
	case *version != Version:
		return rankVersion, fmt.Errorf("version: %d is not supported; this Trainscope reads version %d (a newer Trainscope may read it)", *version, Version)
	}
	return 0, nil
}

// source hands the decoder the file's bytes: past a byte-order mark,
// refusing bytes that are not UTF-8 (encoding/json would silently make
// them U+FFFD), and keeping the bytes since the last train, to find the
// line and column of a problem there.
type source struct {
	br      *bufio.Reader
	started bool
	off     int64 // bytes handed out (after the byte-order mark)
	keep    []byte
	keptAt  int64  // the offset of keep[0]
	lines   int    // line breaks before keptAt
	col     int    // characters since the last line break before keptAt
	context string // JSON that puts keep's first byte where it stands in the file
	failed  error
	pend    []byte // the start of a character the next read completes
	rerr    error
}

type textError struct{ msg string }

func (e *textError) Error() string { return e.msg }

// sizeError is the file, or one place in it, larger than a bundle may be.
type sizeError struct {
	whole bool // the file; else one place
	what  string
}

func (e *sizeError) Error() string { return e.what }

const tooBigHint = "a train is far smaller, since no text may be longer than its limit (docs/bundle-format.md, Limits)"

func (s *source) Read(p []byte) (int, error) {
	if !s.started {
		s.started = true
		if b, _ := s.br.Peek(3); bytes.Equal(b, utf8BOM) {
			s.br.Discard(3)
		}
	}
	for {
		if s.failed != nil {
			return 0, s.failed
		}
		if len(p) <= utf8.UTFMax {
			return 0, io.ErrShortBuffer
		}
		n := copy(p, s.pend)
		s.pend = s.pend[:0]
		if s.rerr == nil {
			var m int
			m, s.rerr = s.br.Read(p[n:])
			n += m
		}
		data := p[:n]
		if s.rerr == nil {
			cut := incompleteTail(data)
			s.pend = append(s.pend, data[cut:]...)
			data = data[:cut]
		}
		bad := -1
		if !utf8.Valid(data) {
			for i := 0; i < len(data); {
				r, w := utf8.DecodeRune(data[i:])
				if r == utf8.RuneError && w <= 1 {
					bad = i
					break
				}
				i += w
			}
		}
		if bad >= 0 {
			s.take(data[:bad])
			line, col := s.lineCol(s.off)
			s.failed = &textError{fmt.Sprintf("line %d, column %d: the file is not UTF-8 text (a byte 0x%02X there is not a character); save it again as UTF-8 (in most editors: Save As, encoding UTF-8) and import it again", line, col, data[bad])}
			if bad > 0 {
				return bad, nil
			}
			continue
		}
		if err := s.take(data); err != nil {
			s.failed = err
			continue
		}
		if len(data) > 0 {
			return len(data), nil
		}
		if s.rerr != nil && len(s.pend) == 0 {
			return 0, s.rerr
		}
	}
}

// take keeps what is handed out.
func (s *source) take(data []byte) error {
	s.off += int64(len(data))
	s.keep = append(s.keep, data...)
	if s.off > maxFile {
		return &sizeError{true, fmt.Sprintf("the file is larger than %d MB, the most a bundle may be", maxFile>>20)}
	}
	if len(s.keep) > maxTrain+64<<10 {
		return &sizeError{false, fmt.Sprintf("more than %d MB", maxTrain>>20)}
	}
	return nil
}

// incompleteTail is where a character cut off at the end of data starts,
// or len(data).
func incompleteTail(data []byte) int {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		if utf8.RuneStart(data[len(data)-k]) {
			if !utf8.FullRune(data[len(data)-k:]) {
				return len(data) - k
			}
			break
		}
	}
	return len(data)
}

// mark forgets the bytes before off (the end of a train); context is JSON
// that puts the byte at off where it stands in the file.
func (s *source) mark(off int64, context string) {
	cut := int(min(max(off-s.keptAt, 0), int64(len(s.keep))))
	gone := s.keep[:cut]
	if i := bytes.LastIndexByte(gone, '\n'); i >= 0 {
		s.lines += bytes.Count(gone, []byte("\n"))
		s.col = utf8.RuneCount(gone[i+1:])
	} else {
		s.col += utf8.RuneCount(gone)
	}
	n := copy(s.keep, s.keep[cut:])
	s.keep = s.keep[:n]
	s.keptAt += int64(cut)
	s.context = context
}

func (s *source) kept() []byte { return s.keep }

// lineCol is the line and column of the byte at off, counted from 1.
func (s *source) lineCol(off int64) (int, int) {
	i := int(min(max(off-s.keptAt, 0), int64(len(s.keep))))
	before := s.keep[:i]
	line := s.lines + bytes.Count(before, []byte("\n")) + 1
	if j := bytes.LastIndexByte(before, '\n'); j >= 0 {
		return line, utf8.RuneCount(before[j+1:]) + 1
	}
	return line, s.col + utf8.RuneCount(before) + 1
}

// drain reads the rest of the file, keeping nothing, and returns the
// first sign that it is not UTF-8.
func (s *source) drain() error {
	buf := make([]byte, 64<<10)
	for {
		s.mark(s.off, "")
		_, err := s.Read(buf)
		var te *textError
		if errors.As(err, &te) {
			return te
		}
		if err != nil {
			return nil
		}
	}
}
