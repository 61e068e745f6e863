package assessment

// KindTitle says what sort of item it is, in the coach's words, with the
// framework's name for the facilitator: "Sign for the RTE role".
func (it *Item) KindTitle(f Framework) string {
	switch it.Kind {
	case Indication:
		return "Sign for the " + f.Facilitator() + " role"
	case ContraIndication:
		if it.Decisive {
			return "Sign against the " + f.Facilitator() + " role (decisive)"
		}
		return "Sign against the " + f.Facilitator() + " role"
	case Measure:
		return "Success measure"
	}
	return "Practice"
}

// Step goes delta items on from item it of checklist cl, across
// checklists, as the checklists and the workshop move through them; ok is
// false past the first or the last item.
func (d *Definitions) Step(cl, it, delta int) (int, int, bool) {
	cls := d.Checklists
	it += delta
	for it < 0 && cl > 0 {
		cl--
		it += len(cls[cl].Items)
	}
	for it >= len(cls[cl].Items) && cl < len(cls)-1 {
		it -= len(cls[cl].Items)
		cl++
	}
	return cl, it, it >= 0 && it < len(cls[cl].Items)
}
