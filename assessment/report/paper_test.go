package report

import "testing"

func TestPaperFromEnv(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "a4"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "letter"},
		{map[string]string{"LANG": "fr_CA.UTF-8"}, "letter"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, "a4"},
		{map[string]string{"LANG": "de_DE@euro"}, "a4"},
		{map[string]string{"LANG": "C"}, "a4"},
		{map[string]string{"LANG": "POSIX"}, "a4"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "a4"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_PAPER": "es_MX.UTF-8"}, "letter"},
		{map[string]string{"LC_ALL": "en_PH.UTF-8", "LC_PAPER": "de_DE.UTF-8"}, "letter"},
	} {
		if got := PaperFromEnv(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: got %s, want %s", tc.env, got, tc.want)
		}
	}
}
