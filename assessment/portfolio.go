package assessment

// PortfolioTrain is one train as the LACE's portfolio sees it: the train,
// who assessed it, and its finished assessments, newest first. Storage
// fills it; the portfolio rules read nothing else.
type PortfolioTrain struct {
	Train Train
	// Coaches are the assessors of the train's assessments and the coaches
	// whose bundles brought it in, without repeats, in name order.
	Coaches []string
	// Finished are the train's finished assessments, newest first; at most
	// the two newest are needed for the portfolio (latest and previous).
	Finished []*Assessment
}

// Latest is the train's newest finished assessment, or nil.
func (p PortfolioTrain) Latest() *Assessment {
	if len(p.Finished) == 0 {
		return nil
	}
	return p.Finished[0]
}

// Previous is the finished assessment before Latest, or nil.
func (p PortfolioTrain) Previous() *Assessment {
	if len(p.Finished) < 2 {
		return nil
	}
	return p.Finished[1]
}
