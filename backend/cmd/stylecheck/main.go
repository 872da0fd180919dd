// Command stylecheck enforces the house rules on Go files: at most 300 lines
// a file, and a doc comment on every function, method and type. Generated
// files (a "Code generated ... DO NOT EDIT." line) are exempt.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// maxLines is the house limit for one file.
const maxLines = 300

// generated matches Go's marker for generated files.
var generated = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// main checks every .go file under the given folders (default ".").
func main() {
	roots := os.Args[1:]
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var problems []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) && path != root {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(path, ".go") {
				problems = append(problems, checkFile(path)...)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "stylecheck:", err)
			os.Exit(2)
		}
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	if len(problems) > 0 {
		fmt.Printf("stylecheck: %d problem(s)\n", len(problems))
		os.Exit(1)
	}
}

// checkFile returns the rule breaks of one file.
func checkFile(path string) []string {
	src, err := os.ReadFile(path)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", path, err)}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", path, err)}
	}
	if ast.IsGenerated(f) || isGenerated(src) {
		return nil
	}
	var out []string
	if n := strings.Count(string(src), "\n"); n > maxLines {
		out = append(out, fmt.Sprintf("%s: %d lines (at most %d)", path, n, maxLines))
	}
	for _, decl := range f.Decls {
		out = append(out, undocumented(fset, decl)...)
	}
	return out
}

// isGenerated looks for the generated-code marker in the first lines.
func isGenerated(src []byte) bool {
	for i, line := range strings.SplitN(string(src), "\n", 6) {
		if i < 5 && generated.MatchString(strings.TrimSpace(line)) {
			return true
		}
	}
	return false
}

// undocumented reports functions, methods and types without a doc comment.
func undocumented(fset *token.FileSet, decl ast.Decl) []string {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Doc == nil {
			return []string{fmt.Sprintf("%s: func %s has no doc comment", fset.Position(d.Pos()), d.Name.Name)}
		}
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return nil
		}
		var out []string
		for _, spec := range d.Specs {
			ts := spec.(*ast.TypeSpec)
			if ts.Doc == nil && (d.Doc == nil || len(d.Specs) > 1) {
				out = append(out, fmt.Sprintf("%s: type %s has no doc comment", fset.Position(ts.Pos()), ts.Name.Name))
			}
		}
		return out
	}
	return nil
}
