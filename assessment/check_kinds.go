package assessment

// CheckKinds are the kinds of Check, as bundles carry them, in the order
// Check's comment explains them; checkFor makes no other, and runCheck
// decides each (check_kinds_test.go keeps the three together). The bundle
// schema's enum of a check's kind is tested against this list.
var CheckKinds = []string{"no-gap", "median-open-age", "none-older-than-pi", "item-at-least"}
