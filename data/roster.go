package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/trainscope/trainscope/assessment"
)

// rosterData is one row of rosters with everything hanging off it: the
// roster and its impediment register.
type rosterData struct {
	Roster   assessment.Roster
	Register []assessment.Impediment
}

// validateRoster checks what the schema cannot say in a readable way: ids
// present and unique, every reference pointing at someone on the roster,
// known roles. place prefixes each message ("roster", "trains[0]").
func validateRoster(r assessment.Roster, place string) error {
	for i, sk := range r.RequiredSkills {
		if err := checkText(sk, fmt.Sprintf("%s.required_skills[%d]", place, i), nameRule); err != nil {
			return err
		}
	}
	people := map[string]bool{}
	for i, p := range r.People {
		at := fmt.Sprintf("%s.people[%d]", place, i)
		if err := checkID(p.ID); err != nil {
			return fmt.Errorf("%s.id: %w", at, err)
		}
		if people[p.ID] {
			return fmt.Errorf("%s.id: duplicate id %q", at, p.ID)
		}
		people[p.ID] = true
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("%s.name: a person needs a name", at)
		}
		if err := checkText(p.Name, at+".name", nameOnlyRule); err != nil {
			return err
		}
	}
	known := func(at, id string) error {
		if id != "" && !people[id] {
			return fmt.Errorf("%s: unknown person %q", at, id)
		}
		return nil
	}
	for i, ra := range r.Roles {
		at := fmt.Sprintf("%s.roles[%d]", place, i)
		if !slices.Contains(assessment.ARTRoles, ra.Role) {
			return fmt.Errorf("%s.role: unknown role %q (one of %s)", at, ra.Role, joinQuoted(assessment.ARTRoles))
		}
		if err := known(at+".person", ra.PersonID); err != nil {
			return err
		}
	}
	teams := map[string]bool{}
	for i, t := range r.Teams {
		at := fmt.Sprintf("%s.teams[%d]", place, i)
		if err := checkID(t.ID); err != nil {
			return fmt.Errorf("%s.id: %w", at, err)
		}
		if teams[t.ID] {
			return fmt.Errorf("%s.id: duplicate id %q", at, t.ID)
		}
		teams[t.ID] = true
		if strings.TrimSpace(t.Name) == "" {
			return fmt.Errorf("%s.name: a team needs a name", at)
		}
		if err := checkText(t.Name, at+".name", nameOnlyRule); err != nil {
			return err
		}
		for j, sk := range t.Skills {
			if err := checkText(sk, fmt.Sprintf("%s.skills[%d]", at, j), nameRule); err != nil {
				return err
			}
		}
		if err := known(at+".scrum_master", t.ScrumMasterID); err != nil {
			return err
		}
		if err := known(at+".product_owner", t.ProductOwnerID); err != nil {
			return err
		}
		seen := map[string]bool{}
		for j, d := range t.DeveloperIDs {
			dat := fmt.Sprintf("%s.developers[%d]", at, j)
			if d == "" {
				return fmt.Errorf("%s: empty person id", dat)
			}
			if err := known(dat, d); err != nil {
				return err
			}
			if seen[d] {
				return fmt.Errorf("%s: person %q is listed twice", dat, d)
			}
			seen[d] = true
		}
	}
	return nil
}

// validateImpediment checks one register entry; place prefixes the message.
func validateImpediment(imp assessment.Impediment, place string) error {
	if err := checkID(imp.ID); err != nil {
		return fmt.Errorf("%s.id: %w", place, err)
	}
	if strings.TrimSpace(imp.Title) == "" {
		return fmt.Errorf("%s.title: an impediment needs a title", place)
	}
	if err := checkFields(field{place + ".title", imp.Title, nameRule}, field{place + ".description", imp.Description, longRule},
		field{place + ".owner", imp.Owner, nameRule}); err != nil {
		return err
	}
	if !slices.Contains([]assessment.ImpedimentLevel{assessment.LevelTeam, assessment.LevelART, assessment.LevelLACE}, imp.Level) {
		return fmt.Errorf("%s.level: unknown level %q (one of \"team\", \"art\", \"lace\")", place, imp.Level)
	}
	if !slices.Contains([]assessment.ImpedimentStatus{assessment.StatusOpen, assessment.StatusInProgress, assessment.StatusResolved}, imp.Status) {
		return fmt.Errorf("%s.status: unknown status %q (one of \"open\", \"in-progress\", \"resolved\")", place, imp.Status)
	}
	if !slices.Contains([]assessment.ROAM{assessment.ROAMNone, assessment.ROAMResolved, assessment.ROAMOwned, assessment.ROAMAccepted, assessment.ROAMMitigated}, imp.ROAM) {
		return fmt.Errorf("%s.roam: unknown ROAM category %q (empty or one of \"resolved\", \"owned\", \"accepted\", \"mitigated\")", place, imp.ROAM)
	}
	if !imp.Resolved.IsZero() && !imp.Raised.IsZero() && imp.Resolved.Before(imp.Raised) {
		return fmt.Errorf("%s.resolved: resolved before it was raised", place)
	}
	return nil
}

func validateRegister(reg []assessment.Impediment, place string) error {
	ids := map[string]bool{}
	for i, imp := range reg {
		at := fmt.Sprintf("%s[%d]", place, i)
		if err := validateImpediment(imp, at); err != nil {
			return err
		}
		if ids[imp.ID] {
			return fmt.Errorf("%s.id: duplicate id %q", at, imp.ID)
		}
		ids[imp.ID] = true
	}
	return nil
}

// checkID accepts any short printable id. The store makes UUIDs; a bundle
// written by hand or by an older tool may carry other stable ids, and those
// merge just as well.
func checkID(id string) error {
	if id == "" {
		return fmt.Errorf("missing id")
	}
	if n := utf8.RuneCountInString(id); n > assessment.MaxIDLength {
		return fmt.Errorf("an id of %d characters, more than the %d an id may have", n, assessment.MaxIDLength)
	}
	for _, r := range id {
		if r < ' ' || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError {
			return fmt.Errorf("id %q has a control character or U+FFFD; an id is printable text", id)
		}
	}
	return nil
}

func joinQuoted[T ~string](vs []T) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// liveRosterID finds the train's live roster; ErrNotFound when the train
// does not exist.
func liveRosterID(ctx context.Context, q querier, trainID string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM rosters WHERE train_id = ? AND assessment_id IS NULL", trainID).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, fmt.Errorf("train %q: %w", trainID, ErrNotFound)
	}
	return id, err
}

// clearRoster removes everything on a roster, children first.
func clearRoster(ctx context.Context, tx *sql.Tx, rosterID int64, register bool) error {
	tables := []string{"team_skills", "team_members", "teams", "role_assignments", "people", "required_skills"}
	if register {
		tables = append(tables, "impediments")
	}
	for _, t := range tables {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t+" WHERE roster_id = ?", rosterID); err != nil {
			return err
		}
	}
	return nil
}

// writeRoster replaces the roster rows of rosterID with r; the register is
// left alone.
func writeRoster(ctx context.Context, tx *sql.Tx, rosterID int64, r assessment.Roster) error {
	if err := clearRoster(ctx, tx, rosterID, false); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE rosters SET value_stream_map = ? WHERE id = ?", boolInt(r.ValueStreamMap), rosterID); err != nil {
		return err
	}
	var skills, people, roles, teams, members, teamSkills []any
	for i, sk := range r.RequiredSkills {
		skills = append(skills, rosterID, i, sk)
	}
	for i, p := range r.People {
		people = append(people, rosterID, p.ID, i, p.Name, boolInt(p.Contractor))
	}
	for i, ra := range r.Roles {
		roles = append(roles, rosterID, i, string(ra.Role), nullable(ra.PersonID))
	}
	for i, t := range r.Teams {
		teams = append(teams, rosterID, t.ID, i, t.Name, nullable(t.ScrumMasterID), nullable(t.ProductOwnerID))
		for j, d := range t.DeveloperIDs {
			members = append(members, rosterID, t.ID, j, d)
		}
		for j, sk := range t.Skills {
			teamSkills = append(teamSkills, rosterID, t.ID, j, sk)
		}
	}
	// In the order of the foreign keys: people before the roles and teams
	// that name them, teams before their members and skills.
	for _, ins := range []struct {
		head  string
		width int
		args  []any
	}{
		{"INSERT INTO required_skills (roster_id, position, skill)", 3, skills},
		{"INSERT INTO people (roster_id, id, position, name, contractor)", 5, people},
		{"INSERT INTO role_assignments (roster_id, position, role, person_id)", 4, roles},
		{"INSERT INTO teams (roster_id, id, position, name, scrum_master_id, product_owner_id)", 6, teams},
		{"INSERT INTO team_members (roster_id, team_id, position, person_id)", 4, members},
		{"INSERT INTO team_skills (roster_id, team_id, position, skill)", 4, teamSkills},
	} {
		if err := insertRows(ctx, tx, ins.head, ins.width, "", ins.args); err != nil {
			return err
		}
	}
	return nil
}

// impedimentUpsert is what a register entry written again changes.
const impedimentUpsert = `
		ON CONFLICT (roster_id, id) DO UPDATE SET
			title = excluded.title, description = excluded.description, level = excluded.level,
			team_id = excluded.team_id, owner = excluded.owner, status = excluded.status, roam = excluded.roam,
			raised = excluded.raised, resolved = excluded.resolved, escalated = excluded.escalated,
			recurrence_of = excluded.recurrence_of`

// writeImpediment inserts or updates one register entry, keeping its place
// in the register when it exists and appending it otherwise.
func writeImpediment(ctx context.Context, tx *sql.Tx, rosterID int64, imp assessment.Impediment) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO impediments (roster_id, id, position, title, description, level, team_id, owner, status, roam, raised, resolved, escalated, recurrence_of)
		VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM impediments WHERE roster_id = ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
		`+impedimentUpsert,
		rosterID, imp.ID, imp.Title, imp.Description, string(imp.Level), imp.TeamID, imp.Owner,
		string(imp.Status), string(imp.ROAM), formatTime(imp.Raised), formatTime(imp.Resolved),
		boolInt(imp.Escalated), imp.RecurrenceOf)
	return err
}

// writeRegister replaces the register of rosterID.
func writeRegister(ctx context.Context, tx *sql.Tx, rosterID int64, reg []assessment.Impediment) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM impediments WHERE roster_id = ?", rosterID); err != nil {
		return err
	}
	args := make([]any, 0, 14*len(reg))
	for i, imp := range reg {
		args = append(args, rosterID, imp.ID, i, imp.Title, imp.Description, string(imp.Level), imp.TeamID, imp.Owner,
			string(imp.Status), string(imp.ROAM), formatTime(imp.Raised), formatTime(imp.Resolved),
			boolInt(imp.Escalated), imp.RecurrenceOf)
	}
	// An id twice (which the checks refuse) keeps its first place and its
	// last content, as writeImpediment one by one would.
	return insertRows(ctx, tx, "INSERT INTO impediments (roster_id, id, position, title, description, level, team_id, owner, status, roam, raised, resolved, escalated, recurrence_of)", 14,
		impedimentUpsert, args)
}

// copyRoster copies a roster and its register into a new rosters row that
// belongs to assessmentID: the snapshot a finished assessment keeps.
func copyRoster(ctx context.Context, tx *sql.Tx, fromID int64, assessmentID string) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO rosters (train_id, assessment_id, value_stream_map)
		SELECT train_id, ?, value_stream_map FROM rosters WHERE id = ?`, assessmentID, fromID)
	if err != nil {
		return err
	}
	to, err := res.LastInsertId()
	if err != nil {
		return err
	}
	copies := []string{
		"INSERT INTO required_skills SELECT ?, position, skill FROM required_skills WHERE roster_id = ?",
		"INSERT INTO people SELECT ?, id, position, name, contractor FROM people WHERE roster_id = ?",
		"INSERT INTO role_assignments SELECT ?, position, role, person_id FROM role_assignments WHERE roster_id = ?",
		"INSERT INTO teams SELECT ?, id, position, name, scrum_master_id, product_owner_id FROM teams WHERE roster_id = ?",
		"INSERT INTO team_members SELECT ?, team_id, position, person_id FROM team_members WHERE roster_id = ?",
		"INSERT INTO team_skills SELECT ?, team_id, position, skill FROM team_skills WHERE roster_id = ?",
		`INSERT INTO impediments SELECT ?, id, position, title, description, level, team_id, owner, status, roam,
			raised, resolved, escalated, recurrence_of FROM impediments WHERE roster_id = ?`,
	}
	for _, c := range copies {
		if _, err := tx.ExecContext(ctx, c, to, fromID); err != nil {
			return err
		}
	}
	return nil
}

// newRoster adds an empty rosters row: a train's live one (assessmentID "")
// or an assessment's snapshot.
func newRoster(ctx context.Context, tx *sql.Tx, trainID, assessmentID string) (int64, error) {
	res, err := tx.ExecContext(ctx, "INSERT INTO rosters (train_id, assessment_id) VALUES (?, ?)", trainID, nullable(assessmentID))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// maxInList is the most values one IN list holds. SQLite allows 32,766
// parameters in a statement; a caller with more splits them into batches
// of this size (slices.Chunk), which keeps every statement small too.
const maxInList = 500

// inList makes "(?, ?, ?)" and its arguments for an IN clause; vs holds at
// most maxInList values.
func inList[T any](vs []T) (string, []any) {
	args := make([]any, len(vs))
	for i, v := range vs {
		args[i] = v
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", len(vs)), ", ") + ")", args
}

// loadRosters reads the rosters and registers with the given row ids, in a
// handful of queries however many there are.
func loadRosters(ctx context.Context, q querier, ids []int64) (map[int64]*rosterData, error) {
	out := map[int64]*rosterData{}
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > maxInList {
		for batch := range slices.Chunk(ids, maxInList) {
			part, err := loadRosters(ctx, q, batch)
			if err != nil {
				return nil, err
			}
			maps.Copy(out, part)
		}
		return out, nil
	}
	in, args := inList(ids)

	rows, err := q.QueryContext(ctx, "SELECT id, value_stream_map FROM rosters WHERE id IN "+in, args...)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var vsm bool
		if err := rows.Scan(&id, &vsm); err != nil {
			rows.Close()
			return nil, err
		}
		out[id] = &rosterData{Roster: assessment.Roster{ValueStreamMap: vsm}}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	if err := scanRows(ctx, q, "SELECT roster_id, skill FROM required_skills WHERE roster_id IN "+in+" ORDER BY roster_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var sk string
			if err := rows.Scan(&rid, &sk); err != nil {
				return err
			}
			if rd := out[rid]; rd != nil {
				rd.Roster.RequiredSkills = append(rd.Roster.RequiredSkills, sk)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, "SELECT roster_id, id, name, contractor FROM people WHERE roster_id IN "+in+" ORDER BY roster_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var p assessment.Person
			if err := rows.Scan(&rid, &p.ID, &p.Name, &p.Contractor); err != nil {
				return err
			}
			if rd := out[rid]; rd != nil {
				rd.Roster.People = append(rd.Roster.People, p)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, "SELECT roster_id, role, coalesce(person_id, '') FROM role_assignments WHERE roster_id IN "+in+" ORDER BY roster_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var ra assessment.RoleAssignment
			if err := rows.Scan(&rid, &ra.Role, &ra.PersonID); err != nil {
				return err
			}
			if rd := out[rid]; rd != nil {
				rd.Roster.Roles = append(rd.Roster.Roles, ra)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	// Teams first, then their members and skills by (roster, team).
	type teamKey struct {
		roster int64
		team   string
	}
	teamIndex := map[teamKey]int{}
	if err := scanRows(ctx, q, "SELECT roster_id, id, name, coalesce(scrum_master_id, ''), coalesce(product_owner_id, '') FROM teams WHERE roster_id IN "+in+" ORDER BY roster_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var t assessment.Team
			if err := rows.Scan(&rid, &t.ID, &t.Name, &t.ScrumMasterID, &t.ProductOwnerID); err != nil {
				return err
			}
			if rd := out[rid]; rd != nil {
				teamIndex[teamKey{rid, t.ID}] = len(rd.Roster.Teams)
				rd.Roster.Teams = append(rd.Roster.Teams, t)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	team := func(rid int64, id string) *assessment.Team {
		i, ok := teamIndex[teamKey{rid, id}]
		if !ok {
			return nil
		}
		return &out[rid].Roster.Teams[i]
	}
	if err := scanRows(ctx, q, "SELECT roster_id, team_id, person_id FROM team_members WHERE roster_id IN "+in+" ORDER BY roster_id, team_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var tid, pid string
			if err := rows.Scan(&rid, &tid, &pid); err != nil {
				return err
			}
			if t := team(rid, tid); t != nil {
				t.DeveloperIDs = append(t.DeveloperIDs, pid)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, "SELECT roster_id, team_id, skill FROM team_skills WHERE roster_id IN "+in+" ORDER BY roster_id, team_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var tid, sk string
			if err := rows.Scan(&rid, &tid, &sk); err != nil {
				return err
			}
			if t := team(rid, tid); t != nil {
				t.Skills = append(t.Skills, sk)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, `SELECT roster_id, id, title, description, level, team_id, owner, status, roam, raised, resolved, escalated, recurrence_of
		FROM impediments WHERE roster_id IN `+in+" ORDER BY roster_id, position", args,
		func(rows *sql.Rows) error {
			var rid int64
			var imp assessment.Impediment
			var raised, resolved string
			if err := rows.Scan(&rid, &imp.ID, &imp.Title, &imp.Description, &imp.Level, &imp.TeamID, &imp.Owner,
				&imp.Status, &imp.ROAM, &raised, &resolved, &imp.Escalated, &imp.RecurrenceOf); err != nil {
				return err
			}
			var err error
			if imp.Raised, err = parseTime(raised); err != nil {
				return err
			}
			if imp.Resolved, err = parseTime(resolved); err != nil {
				return err
			}
			if rd := out[rid]; rd != nil {
				rd.Register = append(rd.Register, imp)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	return out, nil
}

// scanRows runs a query and calls scan for each row.
func scanRows(ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// queryStrings is the one text column query selects, row by row.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	var out []string
	err := scanRows(ctx, q, query, args, func(rows *sql.Rows) error {
		var v string
		err := rows.Scan(&v)
		out = append(out, v)
		return err
	})
	return out, err
}
