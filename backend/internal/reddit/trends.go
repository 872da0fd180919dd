package reddit

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// stopWords are words that carry no topic.
var stopWords = map[string]bool{}

// _ fills stopWords once at package load (no init function).
var _ = func() bool {
	for _, w := range strings.Fields(`a an and are as at be been but by can could did do does for from had has have
	he her his how i if in into is it its just me more most my new no not now of on one or our out over so some
	than that the their them then there these they this to too up us was we were what when where which who why
	will with would you your about after all also any back because before being both during each even first get
	got here im ive dont its many much only other own same should since still such through under very via way
	well while yes yet amp http https www com reddit r u post posts thread today people year years time make
	made like think know really going want need says said use used using video photo pic`) {
		stopWords[w] = true
	}
	return true
}()

// Trends returns up to n recurring topics of the posts: lower-cased single
// words and two-word phrases, stop words and noise removed, each weighted
// by the post's score and comments, the strongest first. A topic must occur
// in two posts unless there are fewer than three posts.
func Trends(posts []Post, n int) []string {
	type stat struct {
		weight float64
		posts  int
	}
	stats := map[string]*stat{}
	for _, p := range posts {
		w := 1 + math.Log1p(math.Max(float64(p.Score), 0)) + 0.5*math.Log1p(math.Max(float64(p.NumComments), 0))
		seen := map[string]bool{}
		words := tokens(p.Title)
		for i, t := range words {
			terms := []string{t}
			if i+1 < len(words) {
				terms = append(terms, t+" "+words[i+1])
			}
			for _, term := range terms {
				if seen[term] {
					continue
				}
				seen[term] = true
				s := stats[term]
				if s == nil {
					s = &stat{}
					stats[term] = s
				}
				s.weight += w * float64(len(strings.Fields(term)))
				s.posts++
			}
		}
	}
	minPosts := 2
	if len(posts) < 3 {
		minPosts = 1
	}
	var terms []string
	for t, s := range stats {
		if s.posts >= minPosts {
			terms = append(terms, t)
		}
	}
	sort.Slice(terms, func(i, j int) bool {
		a, b := stats[terms[i]], stats[terms[j]]
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return terms[i] < terms[j]
	})
	var out []string
	for _, t := range terms {
		if len(out) == n {
			break
		}
		if covered(out, t) {
			continue
		}
		out = append(out, t)
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// covered reports whether a single word is already part of a chosen phrase.
func covered(chosen []string, t string) bool {
	if strings.Contains(t, " ") {
		return false
	}
	for _, c := range chosen {
		for _, w := range strings.Fields(c) {
			if w == t {
				return true
			}
		}
	}
	return false
}

// tokens splits a title into lower-case words, dropping stop words,
// numbers-only tokens and one-letter noise.
func tokens(title string) []string {
	fields := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '+'
	})
	var out []string
	for _, f := range fields {
		f = strings.Trim(strings.ReplaceAll(f, "'", ""), "+")
		if len([]rune(f)) < 2 || stopWords[f] || isNumber(f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// isNumber reports whether s is only digits.
func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
