// Package workshop runs an assessment as a workshop on the coach's
// machine: hidden votes in turn, the reveal with its spread, the room's
// consensus and the coach's own observation with the gap between them, the
// room and its roll call, the discussion and summary tabs, the presentation
// window for a projector, and the participants' response files. It sees the
// shell only through host.Host, and through the small interfaces below
// (Projector, Exporter, Importer) where the shell offers them.
package workshop

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// Screen runs an assessment as a workshop on the coach's machine.
// For each item the people in the room vote in turn: the coach (or the
// participant) picks who is voting, chooses a level with the mouse or the
// keys, and the levels clear for the next person, so nobody sees an earlier
// vote. Until the coach reveals the item the screen says only who has voted
// and who has not. The reveal shows every vote together as a distribution
// with its median and disagreement; strong disagreement is flagged for
// discussion. Then the coach records the room's consensus (the item's
// answer, as on the checklist screen) and, apart from it, what they observed
// themselves, and sees the gap between the two.
//
// Tabs beside the voting: the discussion list (revealed items, most divided
// first) and the summary (self against observed, per checklist). A
// presentation window shows the item on a projector. Anything others may
// read names participants as the workshop's anonymity says
// (Workshop.DisplayName); only the coach's own room panel and the "who is
// voting" choice show names.
type Screen struct {
	host         host.Host
	trainID      string
	assessmentID string

	train   assessment.Train
	a       *assessment.Assessment
	loaded  bool
	onTop   bool // the window shows the screen: between Shown and Left
	filling bool // fields are being filled from the model, not typed

	cl, it     int    // the checklist and item on screen
	voterID    string // who is voting now; empty when nobody is chosen
	pickerItem string // the item whose levels the picker shows

	// Header
	heading    *widget.Label
	facts      *widget.Label
	banner     *fyne.Container
	tabs       *container.AppTabs
	presentBtn *widget.Button

	// Sidebar
	checklistBtn []*widget.Button
	itemList     *widgets.KeylessList

	// The item
	where *widget.Label
	text  *widget.Label
	phase *widget.Label

	// Before the reveal
	votingBox   *fyne.Container
	votedLine   *widget.Label
	waitingLine *widget.Label
	revealBtn   *widget.Button
	statusRow   *fyne.Container // who has voted, who has not, and the reveal
	voterRow    *fyne.Container
	voter       *widget.Select
	voterIDs    []string // the participant behind each of voter's options
	picker      *widgets.RatingPicker
	voteMsg     *widget.Label
	noRoom      *widget.Label

	// After the reveal
	revealBox    *fyne.Container
	chart        *widgets.DistributionChart
	votesCount   *widget.Label
	medianLine   *widget.Label
	disagreeLine *widget.Label
	flag         *fyne.Container
	votesLine    *widget.Label
	againBtn     *widget.Button
	consensus    *widgets.LevelChoice
	observation  *widgets.LevelChoice
	guidance     *widget.Label
	gapLine      *widget.Label
	note         *widget.Entry
	evidence     *widget.Entry

	itemBox      *fyne.Container
	scroll       *container.Scroll
	room         *roomPanel
	discussion   *discussionView
	summary      *workshopSummary
	presentation *presentationView // nil unless the presentation window is open
	root         fyne.CanvasObject
}

// defs are the checklists as this train's framework asks them: items that do
// not apply (a System Architect in Scrum@Scale) are not on the screen.
func (s *Screen) defs() *assessment.Definitions { return s.host.Definitions().For(s.train.Framework) }

// Tabs of the workshop screen, in order.
const (
	tabVoting = iota
	tabDiscussion
	tabSummary
)

// New is the workshop of an assessment, empty until Reload reads it.
func New(h host.Host, trainID, assessmentID string) *Screen {
	s := &Screen{host: h, trainID: trainID, assessmentID: assessmentID}
	s.build()
	return s
}

// Title names the screen in the window's breadcrumb.
func (s *Screen) Title() string {
	if s.a == nil {
		return "Workshop"
	}
	return "Workshop " + widgets.AssessmentTitle(s.a.PI, s.a.Date)
}

// Content is what the window shows.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Shown says the window shows the screen: it gives the keys to the levels,
// so the first voter can start typing.
func (s *Screen) Shown() {
	s.onTop = true
	s.focusPicker()
}

// Left says the screen has gone from the window: the presentation, which
// follows it, closes with it.
func (s *Screen) Left() {
	s.onTop = false
	if s.presentation != nil {
		s.presentation.win.Close()
	}
}

func (s *Screen) build() {
	s.heading = widgets.HeadingTruncated("")
	s.facts = widgets.Truncated("")
	checklists := widget.NewButtonWithIcon("Checklists", theme.DocumentIcon(), func() {
		s.host.Open(host.Checklists(s.trainID, s.assessmentID))
	})
	results := widget.NewButtonWithIcon("Results", theme.InfoIcon(), func() {
		s.host.Open(host.Results(s.trainID, s.assessmentID))
	})
	s.presentBtn = widget.NewButtonWithIcon("Present", theme.ComputerIcon(), s.Present)
	s.presentBtn.Importance = widget.HighImportance
	if _, ok := s.host.(Projector); !ok {
		s.presentBtn.Disable()
	}
	header := container.NewBorder(nil, nil, nil,
		container.NewVBox(container.NewHBox(checklists, results, s.presentBtn)),
		container.NewVBox(s.heading, s.facts))
	s.banner = container.NewPadded(widgets.Panel(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil,
		widgets.Wrapped("This assessment is finished, so its workshop is read-only: the votes, the consensus and your observations are kept as they are. Reopen it from the checklists to change them."))))
	s.banner.Hide()

	// Sidebar: the checklists and the items of the current one, each item
	// marked with how far its vote has come.
	checklistBox := container.NewVBox()
	for i := range s.defs().Checklists {
		i := i
		b := widget.NewButton("", func() { s.goTo(i, 0) })
		b.Alignment = widget.ButtonAlignLeading
		s.checklistBtn = append(s.checklistBtn, b)
		checklistBox.Add(b)
	}
	s.itemList = widgets.NewKeylessList(
		func() int {
			if s.a == nil {
				return 0
			}
			return len(s.defs().Checklists[s.cl].Items)
		},
		func() fyne.CanvasObject {
			count := widget.NewLabel("")
			count.SizeName = theme.SizeNameCaptionText
			return container.NewBorder(nil, nil, widget.NewIcon(nil), count, widgets.Truncated(""))
		},
		s.updateItemRow)
	s.itemList.OnSelected = func(id widget.ListItemID) {
		if id != s.it {
			s.goTo(s.cl, id)
		}
	}
	s.itemList.OnFocus = s.giveKeysBack
	sidebar := widgets.WithWidth(270, container.NewBorder(
		container.NewVBox(checklistBox, widget.NewSeparator()), nil, nil, nil, s.itemList))

	// The item, and where its vote stands.
	s.where = widgets.Truncated("")
	s.where.TextStyle.Italic = true
	s.text = widgets.Wrapped("")
	s.text.TextStyle.Bold = true
	s.text.SizeName = theme.SizeNameSubHeadingText
	s.phase = widget.NewLabel("")
	s.phase.TextStyle.Bold = true
	s.phase.Importance = widget.HighImportance

	s.buildVoting()
	s.buildReveal()

	s.itemBox = container.NewVBox(s.where, s.text, widget.NewSeparator(), s.phase, s.votingBox, s.revealBox)
	s.scroll = container.NewVScroll(container.NewPadded(s.itemBox))

	s.room = newRoomPanel(s)
	voting := container.NewBorder(nil, nil,
		container.NewHBox(container.NewPadded(sidebar), widget.NewSeparator()),
		container.NewHBox(widget.NewSeparator(), container.NewPadded(s.room.content())),
		s.scroll)

	s.discussion = newDiscussionView(s)
	s.summary = newWorkshopSummary(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Voting", theme.ConfirmIcon(), voting),
		container.NewTabItemWithIcon("Discussion", theme.WarningIcon(), s.discussion.content()),
		container.NewTabItemWithIcon("Summary", theme.ListIcon(), s.summary.content()),
	)
	s.tabs.OnSelected = func(*container.TabItem) {
		s.host.Flush()
		s.showTabs()
		if s.tabs.SelectedIndex() == tabVoting {
			s.focusPicker()
		}
	}
	s.root = container.NewBorder(container.NewVBox(container.NewPadded(header), s.banner), nil, nil, nil, s.tabs)
}

func (s *Screen) buildVoting() {
	s.votedLine = widgets.Wrapped("")
	s.waitingLine = widgets.Wrapped("")
	s.revealBtn = widget.NewButtonWithIcon("Reveal the votes", theme.VisibilityIcon(), s.reveal)
	s.revealBtn.Importance = widget.HighImportance

	s.voter = widget.NewSelect(nil, func(string) {
		if s.filling {
			return
		}
		if i := s.voter.SelectedIndex(); i >= 0 && i < len(s.voterIDs) {
			s.voterID = s.voterIDs[i]
			s.setVoteMsg("")
			s.room.set()
		}
		s.focusPicker()
	})
	s.voter.PlaceHolder = "Choose who votes next"
	s.voterRow = container.NewBorder(nil, nil, widgets.BoldLabel("Who is voting"), nil, s.voter)

	s.picker = widgets.NewRatingPicker()
	s.picker.OnChoose = s.vote
	s.picker.OnMove = s.Move
	s.picker.OnHelp = s.host.ShowKeys
	s.picker.OnKey = s.host.FunctionKey
	s.picker.EnterStays = true
	keys := widgets.Caption("Click a level or press 1–5, N (not applicable) or D (don't know). " +
		"The vote is saved at once and stays hidden; the levels clear for the next person.")
	s.voteMsg = widgets.Wrapped("")
	s.voteMsg.TextStyle.Bold = true
	s.voteMsg.Importance = widget.HighImportance
	s.voteMsg.Hide()
	s.noRoom = widgets.Wrapped("Nobody is in the room yet. Add the participants on the right (name and role); then they vote in turn on this machine.")
	s.noRoom.Importance = widget.WarningImportance
	s.statusRow = container.NewBorder(nil, nil, nil, container.NewVBox(s.revealBtn), container.NewVBox(s.votedLine, s.waitingLine))
	s.votingBox = container.NewVBox(s.noRoom, s.statusRow, s.voterRow, s.voteMsg, s.picker, keys)
}

// setVoteMsg says what became of the last vote; an empty message takes no
// room.
func (s *Screen) setVoteMsg(text string) {
	s.voteMsg.SetText(text)
	if text == "" {
		s.voteMsg.Hide()
	} else {
		s.voteMsg.Show()
	}
}

func (s *Screen) buildReveal() {
	s.chart = widgets.NewDistributionChart()
	s.votesCount = widgets.BoldLabel("")
	s.medianLine = widgets.Wrapped("")
	s.disagreeLine = widgets.Wrapped("")
	s.flag = container.NewHBox(widgets.FlagBadge())
	s.votesLine = widgets.Wrapped("")
	s.votesLine.SizeName = theme.SizeNameCaptionText
	s.againBtn = widget.NewButtonWithIcon("Vote again", theme.ViewRefreshIcon(), s.voteAgain)
	facts := container.NewVBox(s.votesCount, s.medianLine, s.disagreeLine, s.flag, s.votesLine,
		container.NewHBox(s.againBtn))
	spread := widgets.Row([]float32{58, 42}, s.chart, facts)

	s.consensus = widgets.NewLevelChoice(s.setConsensus)
	s.observation = widgets.NewLevelChoice(s.setObservation)
	s.guidance = widgets.Caption("")
	s.gapLine = widgets.Wrapped("")
	s.gapLine.TextStyle.Bold = true

	s.note = widget.NewMultiLineEntry()
	s.note.Wrapping = fyne.TextWrapWord
	s.note.SetMinRowsVisible(3)
	s.note.SetPlaceHolder("Your notes: what the room said, where it disagreed and why")
	s.note.OnChanged = func(string) { s.textChanged() }
	s.evidence = widget.NewMultiLineEntry()
	s.evidence.Wrapping = fyne.TextWrapWord
	s.evidence.SetMinRowsVisible(2)
	s.evidence.SetPlaceHolder("Evidence: what you saw – documents, boards, metrics")
	s.evidence.OnChanged = func(string) { s.textChanged() }

	// The consensus and the observation one above the other, each a row of
	// levels, and one line on what they add up to: the gap stays in view
	// under the spread at 1280×800.
	labels := []float32{0, 1}
	recordRow := func(title string, c *widgets.LevelChoice) fyne.CanvasObject {
		return widgets.Row(labels, widgets.WithWidth(190, widgets.BoldLabel(title)), c.Content())
	}
	s.revealBox = container.NewVBox(
		spread,
		widget.NewSeparator(),
		recordRow("The room's consensus", s.consensus),
		recordRow("What you observed", s.observation),
		s.gapLine,
		widget.NewForm(widget.NewFormItem("Notes", widgets.Wheel(s.note)), widget.NewFormItem("Evidence", widgets.Wheel(s.evidence))),
		s.guidance,
	)
}

// read is an assessment with its train, as Reload reads them.
type read struct {
	train assessment.Train
	a     *assessment.Assessment
}

// Reload reads the assessment with its workshop, and its train, again.
func (s *Screen) Reload() {
	trainID, id := s.trainID, s.assessmentID
	host.Load(s.host, "the workshop", func(ctx context.Context) (read, error) {
		var d read
		var err error
		if d.train, err = s.host.Store().Train(ctx, trainID); err != nil {
			return d, err
		}
		d.a, err = s.host.Store().Assessment(ctx, id)
		return d, err
	}, func(d read) {
		if d.a.Workshop == nil {
			s.host.ShowError("Could not open the workshop", fmt.Errorf("this assessment is not run as a workshop; start one from its checklists"))
			return
		}
		first := !s.loaded
		s.train, s.a, s.loaded = d.train, d.a, true
		s.pickerItem = "" // the framework's words may have changed
		if s.a.Answers == nil {
			s.a.Answers = map[string]assessment.Answer{}
		}
		w := s.a.Workshop
		if w.Revealed == nil {
			w.Revealed = map[string]bool{}
		}
		if w.Observed == nil {
			w.Observed = map[string]assessment.Rating{}
		}
		if w.Participant(s.voterID) == nil {
			s.voterID = ""
		}
		if first {
			// Start where the work is: the first item not yet revealed.
			if cl, it, ok := s.findUnrevealed(); ok {
				s.cl, s.it = cl, it
			}
		}
		s.refresh()
		s.host.Retitle()
		s.focusPicker()
	})
}

func (s *Screen) final() bool { return s.a != nil && s.a.Status == assessment.Final }

func (s *Screen) workshop() *assessment.Workshop { return s.a.Workshop }

// displayName is how a participant is named on anything others read.
func (s *Screen) displayName(p assessment.Participant) string {
	return s.workshop().DisplayName(p, s.train.Framework)
}

// item is the item on screen.
func (s *Screen) item() (*assessment.Checklist, *assessment.Item) {
	cl := &s.defs().Checklists[s.cl]
	return cl, &cl.Items[s.it]
}

// levels are an item's levels with the framework's words filled in.
func (s *Screen) levels(it *assessment.Item) []assessment.Level {
	fw := s.train.Framework
	out := make([]assessment.Level, len(it.Levels))
	for i, l := range it.Levels {
		l.Label, l.Descriptor = fw.Expand(l.Label), fw.Expand(l.Descriptor)
		out[i] = l
	}
	return out
}

// refresh shows everything again from the model: after a load, and after
// every change the coach makes.
func (s *Screen) refresh() {
	if s.a == nil {
		return
	}
	w := s.workshop()
	s.heading.SetText("Workshop · " + s.train.Name + " · " + widgets.AssessmentTitle(s.a.PI, s.a.Date))
	revealed, flagged := 0, 0
	for _, sp := range w.Discussion(s.defs()) {
		revealed++
		if sp.Flagged() {
			flagged++
		}
	}
	total := 0
	for _, cl := range s.defs().Checklists {
		total += len(cl.Items)
	}
	facts := []string{widgets.Plural(len(w.Participants), "participant", "participants")}
	if w.Anonymous {
		facts = append(facts, "anonymous: reports and the presentation show roles, never names")
	}
	facts = append(facts, fmt.Sprintf("%d of %d items revealed", revealed, total), widgets.Plural(flagged, "flagged for discussion", "flagged for discussion"))
	s.facts.SetText(strings.Join(facts, " · "))
	if s.final() != s.banner.Visible() {
		if s.final() {
			s.banner.Show()
		} else {
			s.banner.Hide()
		}
		s.root.Refresh() // the header's height changed: lay the screen out again
	}
	for i, cl := range s.defs().Checklists {
		n := 0
		for _, it := range cl.Items {
			if w.Revealed[it.ID] {
				n++
			}
		}
		b := s.checklistBtn[i]
		b.SetText(fmt.Sprintf("%d. %s   %d/%d", i+1, s.train.Framework.Expand(cl.Title), n, len(cl.Items)))
		if i == s.cl {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	s.itemList.Refresh()
	s.showItem() // first: it settles who votes next, which the room marks
	s.room.set()
	s.showTabs()
}

// showTabs fills the discussion and summary tabs when they are in view.
func (s *Screen) showTabs() {
	if s.a == nil {
		return
	}
	switch s.tabs.SelectedIndex() {
	case tabDiscussion:
		s.discussion.set()
	case tabSummary:
		s.summary.set()
	}
}

func (s *Screen) updateItemRow(id widget.ListItemID, o fyne.CanvasObject) {
	cl := s.defs().Checklists[s.cl]
	if id >= len(cl.Items) || s.a == nil {
		return
	}
	it := cl.Items[id]
	c := o.(*fyne.Container)
	label := c.Objects[0].(*widget.Label)
	mark := c.Objects[1].(*widget.Icon)
	count := c.Objects[2].(*widget.Label)
	// Only what changed is set: laying a truncated label out again is
	// most of what a vote costs the screen.
	if text := fmt.Sprintf("%d. %s", id+1, s.train.Framework.Expand(it.Text)); label.Text != text || label.TextStyle.Bold != (id == s.it) {
		label.Text = text
		label.TextStyle.Bold = id == s.it
		label.Refresh()
	}
	w := s.workshop()
	sp, revealed := w.Spread(it.ID, len(it.Levels))
	voted, _ := w.Voted(it.ID)
	var res fyne.Resource
	counted := ""
	switch {
	case revealed && sp.Flagged():
		res = theme.NewErrorThemedResource(theme.WarningIcon())
	case revealed:
		res = theme.NewSuccessThemedResource(theme.VisibilityIcon())
	default:
		res = theme.RadioButtonIcon()
		if len(w.Participants) > 0 {
			counted = fmt.Sprintf("%d/%d", len(voted), len(w.Participants))
		}
	}
	if mark.Resource == nil || mark.Resource.Name() != res.Name() {
		mark.SetResource(res)
	}
	if count.Text != counted {
		count.SetText(counted)
	}
}

// showItem fills the item area from the model.
func (s *Screen) showItem() {
	if s.a == nil {
		return
	}
	_, it := s.item()
	fw := s.train.Framework
	s.where.SetText(widgets.ItemWhere(s.defs(), fw, s.cl, s.it))
	s.text.SetText(fw.Expand(it.Text))

	_, revealed := s.workshop().Spread(it.ID, len(it.Levels))
	phaseChanged := revealed != s.revealBox.Visible()
	if revealed {
		s.votingBox.Hide()
		s.showReveal()
		s.revealBox.Show()
	} else {
		s.revealBox.Hide()
		s.showVoting()
		s.votingBox.Show()
	}
	if phaseChanged {
		s.itemBox.Refresh() // one part gone, the other there: lay them out again
	}
	s.itemList.Select(s.it)
	s.itemList.ScrollTo(s.it)
	if s.presentation != nil {
		s.presentation.update()
	}
}

// votedNames writes who has voted, or who has not, as others may read it.
func (s *Screen) votedNames(ps []assessment.Participant) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = s.displayName(p)
	}
	return strings.Join(names, ", ")
}

// showVoting shows who has voted on the item and who has not, never how.
func (s *Screen) showVoting() {
	_, it := s.item()
	w := s.workshop()
	voted, waiting := w.Voted(it.ID)
	s.phase.SetText("Voting: every vote stays hidden until you reveal them")
	if len(w.Participants) == 0 {
		s.noRoom.Show()
		s.statusRow.Hide()
	} else {
		s.noRoom.Hide()
		s.statusRow.Show()
		s.votedLine.SetText(fmt.Sprintf("Voted (%d of %d): %s", len(voted), len(w.Participants), widgets.OrDash(s.votedNames(voted))))
		if len(waiting) == 0 {
			s.waitingLine.SetText("Everyone has voted.")
		} else {
			s.waitingLine.SetText("Still to vote: " + s.votedNames(waiting))
		}
	}
	if len(voted) == 0 || s.final() {
		s.revealBtn.Disable()
	} else {
		s.revealBtn.Enable()
	}

	// Who votes next: whoever the coach chose, else the first still to vote.
	if s.voterID == "" || w.Participant(s.voterID) == nil {
		s.voterID = ""
		if len(waiting) > 0 {
			s.voterID = waiting[0].ID
		}
	}
	has := map[string]bool{}
	for _, p := range voted {
		has[p.ID] = true
	}
	s.voterIDs = s.voterIDs[:0]
	options := make([]string, 0, len(w.Participants))
	selected := -1
	for _, p := range w.Participants {
		o := p.Name + " · " + p.Role.Title(s.train.Framework)
		if has[p.ID] {
			o += " (voted)"
		}
		if p.ID == s.voterID {
			selected = len(options)
		}
		options = append(options, o)
		s.voterIDs = append(s.voterIDs, p.ID)
	}
	s.filling = true
	s.voter.SetOptions(options)
	if selected >= 0 {
		s.voter.SetSelectedIndex(selected)
	} else {
		s.voter.ClearSelected()
	}
	s.filling = false
	if len(w.Participants) == 0 {
		s.voterRow.Hide()
	} else {
		s.voterRow.Show()
	}
	// The levels never show a vote: they are cleared for each person.
	if s.pickerItem != it.ID {
		s.picker.SetLevels(s.levels(it), assessment.Unanswered)
		s.pickerItem = it.ID
	} else {
		s.picker.SetValue(assessment.Unanswered)
	}
	s.picker.SetDisabled(s.final() || len(w.Participants) == 0)
	if s.final() {
		s.voter.Disable()
	} else {
		s.voter.Enable()
	}
}

// showReveal shows the revealed votes, the consensus, the observation and
// the gap between them.
func (s *Screen) showReveal() {
	_, it := s.item()
	w := s.workshop()
	sp, _ := w.Spread(it.ID, len(it.Levels))
	s.phase.SetText("Votes revealed")
	levels := s.levels(it)
	s.chart.SetData(levels, sp)
	s.votesCount.SetText(widgets.Plural(len(sp.Votes), "vote", "votes"))
	switch {
	case sp.Rated() == 0:
		s.medianLine.SetText("No level was voted: only not applicable or don't know.")
	default:
		s.medianLine.SetText("Median " + widgets.MedianText(sp.Median) + medianLevel(it, sp.Median))
	}
	s.disagreeLine.SetText(fmt.Sprintf("Disagreement %.2f of 1: %s", sp.Disagreement, shortDisagreementWords(sp.Disagreement)))
	if sp.Flagged() {
		s.flag.Show()
	} else {
		s.flag.Hide()
	}
	var votes []string
	for _, v := range sp.Votes {
		if p := w.Participant(v.ParticipantID); p != nil {
			votes = append(votes, s.displayName(*p)+": "+widgets.VoteText(v.Rating))
		}
	}
	s.votesLine.SetText("Votes: " + strings.Join(votes, " · "))
	if s.final() {
		s.againBtn.Disable()
	} else {
		s.againBtn.Enable()
	}

	ans := s.a.Answers[it.ID]
	s.consensus.SetLevels(len(it.Levels), ans.Rating)
	s.consensus.SetDisabled(s.final())
	s.observation.SetLevels(len(it.Levels), w.Observed[it.ID])
	s.observation.SetDisabled(s.final())
	s.showConsensus()
	s.guidance.SetText("What to look for: " + s.train.Framework.Expand(it.Guidance))
	if it.Guidance == "" {
		s.guidance.Hide()
	} else {
		s.guidance.Show()
	}

	s.filling = true
	s.note.SetText(ans.Note)
	s.evidence.SetText(ans.Evidence)
	s.filling = false
	if s.final() {
		s.note.Disable()
		s.evidence.Disable()
	} else {
		s.note.Enable()
		s.evidence.Enable()
	}
}

// showConsensus says in one line what the consensus and the observation
// are, and the gap between them.
func (s *Screen) showConsensus() {
	_, it := s.item()
	s.gapLine.SetText(recordText(it, s.a.Answers[it.ID].Rating, s.workshop().Observed[it.ID]))
}

// recordText sums up the consensus and the observation of an item.
func recordText(it *assessment.Item, cons, obs assessment.Rating) string {
	none := assessment.Unanswered
	switch {
	case cons == none && obs == none:
		return "Once the room agrees, record its consensus: it is the item's answer, as on the checklists. " +
			"Record apart from it what you observed yourself; the gap between the two shows here."
	case obs == none:
		return "Consensus " + widgets.RatingText(it, cons) + ". Record what you observed yourself to see the gap."
	case cons == none:
		return "You observed " + widgets.RatingText(it, obs) + ". Record the room's consensus to see the gap."
	}
	return "Consensus " + widgets.RatingText(it, cons) + "; you observed " + widgets.RatingText(it, obs) + ". " + gapText(cons, obs)
}

// medianLevel names the level a whole median falls on.
func medianLevel(it *assessment.Item, m float64) string {
	if m != float64(int(m)) {
		return ""
	}
	if l := it.Level(int(m)); l != nil {
		return " · " + l.Label
	}
	return ""
}

// gapText says how the room's consensus stands against the coach's
// observation of an item.
func gapText(cons, obs assessment.Rating) string {
	switch {
	case cons == assessment.Unanswered || obs == assessment.Unanswered:
		return "Gap: record both the consensus and your observation to see it."
	case !cons.Rated() || !obs.Rated():
		return "Gap: none to measure; the consensus or your observation is not a level."
	}
	switch d := int(cons - obs); {
	case d == 0:
		return "Gap 0: the room's consensus matches what you observed."
	case d > 0:
		return fmt.Sprintf("Gap +%d: the room rates itself %s higher than you observed.", d, widgets.Plural(d, "level", "levels"))
	default:
		return fmt.Sprintf("Gap −%d: the room rates itself %s lower than you observed.", -d, widgets.Plural(-d, "level", "levels"))
	}
}

// focusPicker gives the keys to the levels while the item takes votes.
func (s *Screen) focusPicker() {
	if !s.loaded || !s.onTop || s.tabs.SelectedIndex() != tabVoting || !s.votingBox.Visible() {
		return
	}
	s.host.Window().Canvas().Focus(s.picker)
}

// nextVoter is whoever comes after id in the room's order and has not yet
// voted on the item, going round; empty when everyone has.
func (s *Screen) nextVoter(id, itemID string) string {
	w := s.workshop()
	_, waiting := w.Voted(itemID)
	if len(waiting) == 0 {
		return ""
	}
	at := -1
	for i, p := range w.Participants {
		if p.ID == id {
			at = i
		}
	}
	still := map[string]bool{}
	for _, p := range waiting {
		still[p.ID] = true
	}
	for k := 1; k <= len(w.Participants); k++ {
		p := w.Participants[(at+k+len(w.Participants))%len(w.Participants)]
		if still[p.ID] {
			return p.ID
		}
	}
	return ""
}

// vote records the vote of whoever is voting, hides it, and clears the
// levels for the next person.
func (s *Screen) vote(r assessment.Rating) {
	s.picker.SetValue(assessment.Unanswered)
	if s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	w := s.workshop()
	p := w.Participant(s.voterID)
	switch {
	case p == nil:
		s.setVoteMsg("Choose who is voting first.")
		return
	case r == assessment.Unanswered:
		s.setVoteMsg("A vote needs a level, N (not applicable) or D (don't know).")
		return
	}
	name := p.Name
	if err := w.Cast(p.ID, it.ID, r); err != nil {
		s.host.ShowError("The vote was not taken", err)
		return
	}
	v := assessment.Vote{ParticipantID: p.ID, ItemID: it.ID, Rating: r}
	id := s.assessmentID
	s.host.Write("the vote of "+name, func(ctx context.Context) error {
		return s.host.Store().CastVote(ctx, id, v)
	}, nil)
	s.voterID = s.nextVoter(p.ID, it.ID)
	msg := name + " has voted; the vote is hidden until the reveal."
	if next := w.Participant(s.voterID); next != nil {
		msg += " Next: " + next.Name + "."
	} else {
		msg += " Everyone has voted: reveal the votes when the room is ready."
	}
	s.voted()
	s.setVoteMsg(msg)
}

// changed shows a change to the workshop everywhere it appears.
func (s *Screen) changed() {
	s.refresh()
}

// voted shows a vote: it changes who has voted on the item on screen and
// nothing else (no spread moves while the item is hidden), so only that is
// shown again, which keeps a vote quick at the end of a long workshop.
func (s *Screen) voted() {
	s.showVoting()
	s.itemList.RefreshItem(s.it)
	s.room.set()
	if s.presentation != nil {
		s.presentation.update()
	}
}

// reveal shows the item's votes to the room, after asking when some have
// not voted: nobody can vote on it after the reveal.
func (s *Screen) reveal() {
	if s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	voted, waiting := s.workshop().Voted(it.ID)
	if len(voted) == 0 {
		return
	}
	itemID, id := it.ID, s.assessmentID
	do := func() {
		s.workshop().Reveal(itemID)
		s.host.Write("the reveal of the votes", func(ctx context.Context) error {
			return s.host.Store().RevealItem(ctx, id, itemID)
		}, nil)
		s.setVoteMsg("")
		s.changed()
	}
	if len(waiting) == 0 {
		do()
		return
	}
	s.host.Confirm("Reveal the votes",
		fmt.Sprintf("%s not voted yet. Reveal the votes anyway? After the reveal nobody votes on this item unless you start the vote again.",
			widgets.Plural(len(waiting), "person has", "people have")),
		"Reveal", do)
}

// voteAgain clears the item's votes and hides it again, after asking.
func (s *Screen) voteAgain() {
	if s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	voted, _ := s.workshop().Voted(it.ID)
	itemID, id := it.ID, s.assessmentID
	s.host.Confirm("Vote again",
		fmt.Sprintf("Clear the %s on this item and vote again? The new votes stay hidden until you reveal them. The consensus and your observation are kept.",
			widgets.Plural(len(voted), "vote", "votes")),
		"Vote again", func() {
			s.workshop().Reset(itemID)
			s.host.Write("the new round of votes", func(ctx context.Context) error {
				return s.host.Store().ResetItem(ctx, id, itemID)
			}, nil)
			s.voterID = ""
			s.changed()
			s.focusPicker()
		})
}

// setConsensus records the room's consensus as the item's answer.
func (s *Screen) setConsensus(r assessment.Rating) {
	if s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	ans := s.a.Answers[it.ID]
	ans.ItemID = it.ID
	ans.Rating = r
	s.a.Answers[it.ID] = ans
	s.saveAnswer(it.ID)
	s.showConsensus()
	s.showTabs()
	if s.presentation != nil {
		s.presentation.update()
	}
}

// setObservation records what the coach observed, apart from the room.
func (s *Screen) setObservation(r assessment.Rating) {
	if s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	if err := s.workshop().Observe(it.ID, r); err != nil {
		s.host.ShowError("The observation was not taken", err)
		return
	}
	itemID, id := it.ID, s.assessmentID
	s.host.Write("your observation", func(ctx context.Context) error {
		return s.host.Store().SetObservation(ctx, id, itemID, r)
	}, nil)
	s.showConsensus()
	s.showTabs()
}

// saveAnswer writes one answer (the consensus with the notes and evidence)
// as it stands now.
func (s *Screen) saveAnswer(itemID string) {
	s.host.WriteAnswer(s.assessmentID, s.train.Framework, itemID, s.a.Answers[itemID], "the consensus", "on")
}

// textChanged takes the notes and evidence typed, and saves them when the
// typing pauses.
func (s *Screen) textChanged() {
	if s.filling || s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	ans := s.a.Answers[it.ID]
	ans.ItemID = it.ID
	ans.Note, ans.Evidence = s.note.Text, s.evidence.Text
	s.a.Answers[it.ID] = ans
	id := it.ID
	s.host.Typed("answer-"+id, func() { s.saveAnswer(id) })
}

// goTo shows item it of checklist cl.
func (s *Screen) goTo(cl, it int) {
	if s.a == nil {
		return
	}
	s.host.Flush()
	if cl != s.cl || it != s.it {
		s.setVoteMsg("")
		s.voterID = ""
	}
	s.cl, s.it = cl, it
	s.refresh()
	s.scroll.ScrollToTop()
	if c := s.host.Window().Canvas(); c.Focused() == nil {
		s.giveKeysBack()
	}
}

// giveKeysBack gives the keys to the levels for the next vote, or to the
// window (F5, F1) after the reveal: a click in the item list or on a button
// took them away.
func (s *Screen) giveKeysBack() {
	if !s.onTop {
		return
	}
	if s.votingBox.Visible() {
		s.focusPicker()
		return
	}
	s.host.Window().Canvas().Unfocus()
}

// goToItem shows the item with the given id on the voting tab.
func (s *Screen) goToItem(itemID string) {
	for i, cl := range s.defs().Checklists {
		for j, it := range cl.Items {
			if it.ID == itemID {
				s.tabs.SelectIndex(tabVoting)
				s.goTo(i, j)
				s.focusPicker()
				return
			}
		}
	}
}

// Move goes to the next (+1) or previous (-1) item, across checklists.
func (s *Screen) Move(delta int) {
	if s.a == nil {
		return
	}
	if cl, it, ok := s.defs().Step(s.cl, s.it, delta); ok {
		s.goTo(cl, it)
	}
}

// findUnrevealed finds the first item whose votes are not revealed yet.
func (s *Screen) findUnrevealed() (int, int, bool) {
	for i, cl := range s.defs().Checklists {
		for j, it := range cl.Items {
			if !s.workshop().Revealed[it.ID] {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// Present opens the presentation window, or brings it to the front; on a
// host that opens no second window it does nothing.
func (s *Screen) Present() {
	pr, ok := s.host.(Projector)
	if s.a == nil || !ok {
		return
	}
	if s.presentation != nil {
		s.presentation.win.RequestFocus()
		return
	}
	s.presentation = newPresentationView(s, pr)
	s.presentation.win.Show()
}

// ShownAssessment is the assessment run as this workshop.
func (s *Screen) ShownAssessment() (trainID, assessmentID string, a *assessment.Assessment) {
	return s.trainID, s.assessmentID, s.a
}

// ShowVoting brings the voting tab to the front.
func (s *Screen) ShowVoting() { s.tabs.SelectIndex(tabVoting) }
