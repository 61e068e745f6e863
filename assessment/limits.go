package assessment

// Limits on what a coach, a bundle or a response file may put in a text
// field, in characters (Unicode code points), not bytes: "Ørsted" is six.
// They are far above anything a train needs, and low enough that a report,
// a screen or an import never grinds on a name pasted a million times
// over. Trainscope refuses a longer value where it comes in (an import
// names the place in the file) rather than cutting it short silently.
// docs/bundle-format.md lists them for whoever writes bundles by hand.
const (
	// MaxIDLength bounds every id: of a train, assessment, person, team,
	// impediment, recommendation, participant, checklist or item.
	MaxIDLength = 200
	// MaxNameLength bounds every one-line text: the name of a train,
	// team, person or participant; an assessment's PI and assessor; an
	// impediment's title and owner; a skill; a recommendation's owner and
	// target PI; a response file's checklist version.
	MaxNameLength = 200
	// MaxNoteLength bounds what the coach writes about an item or a
	// checklist: an answer's note and evidence, a checklist note.
	MaxNoteLength = 10000
	// MaxDescriptionLength bounds the longer texts: a train's and an
	// impediment's description, and a recommendation's finding, action
	// and acceptance criteria.
	MaxDescriptionLength = 10000
)

// Dates a coach can mean. A date outside these years (0001-01-01, the
// zero of many programs, or 9999-12-31, a "never" of others) is a slip or
// a placeholder, never a PI, and would sort and age every impediment and
// trend wrongly; it is refused where it comes in.
const (
	EarliestYear = 1970
	LatestYear   = 2199
)
