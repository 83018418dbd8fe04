// SYNTAX TEST "source.go" "godebt and nolint directives in Go comments"

package p

//godebt:ignore debt-marker,cgo-import -- tracked in issue 12
// <-- comment.line.double-slash.go punctuation.definition.comment.go
//^^^^^^ comment.line.double-slash.go meta.directive.godebt keyword.control.directive.godebt
//      ^ meta.directive.godebt punctuation.separator.key-value.godebt
//       ^^^^^^ meta.directive.godebt keyword.control.directive.godebt
//              ^^^^^^^^^^^ meta.directive.godebt constant.other.rule-id.godebt
//                         ^ meta.directive.godebt punctuation.separator.comma.godebt
//                          ^^^^^^^^^^ meta.directive.godebt constant.other.rule-id.godebt
//                                     ^^ meta.directive.godebt punctuation.separator.reason.godebt
//                                        ^^^^^^^^^^^^^^^^^^ meta.directive.godebt string.unquoted.reason.godebt

var x = 1 // godebt:file-ignore debt-marker -- legacy file
//        ^^ comment.line.double-slash.go punctuation.definition.comment.go
//           ^^^^^^ meta.directive.godebt keyword.control.directive.godebt
//                  ^^^^^^^^^^^ meta.directive.godebt keyword.control.directive.godebt
//                              ^^^^^^^^^^^ constant.other.rule-id.godebt
//                                          ^^ punctuation.separator.reason.godebt
//                                             ^^^^^^^^^^^ string.unquoted.reason.godebt

//godebt:ignore debt-marker--no-space
//              ^^^^^^^^^^^ constant.other.rule-id.godebt
//                         ^^ punctuation.separator.reason.godebt
//                           ^^^^^^^^ string.unquoted.reason.godebt - constant.other.rule-id.godebt

//nolint:errcheck,gosec // legacy
//^^^^^^ comment.line.double-slash.go meta.directive.nolint keyword.control.directive.nolint
//      ^ meta.directive.nolint punctuation.separator.key-value.nolint
//       ^^^^^^^^ meta.directive.nolint constant.other.linter.nolint
//               ^ punctuation.separator.comma.nolint
//                ^^^^^ constant.other.linter.nolint
//                      ^^ punctuation.separator.reason.nolint
//                        ^^^^^^^ string.unquoted.reason.nolint

var y = 2 //nolint
//          ^^^^^^ meta.directive.nolint keyword.control.directive.nolint

// Not directives: a directive that does not start the comment, a longer word, text in a string.
// see //nolint and //godebt:ignore x
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go - meta.directive.nolint meta.directive.godebt
//godebt:ignorex debt-marker -- no
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.double-slash.go - meta.directive.godebt
//nolintx
//^^^^^^^ comment.line.double-slash.go - meta.directive.nolint
var s = "//nolint:errcheck"
//       ^^^^^^^^^^^^^^^^^ string.quoted.double.go - meta.directive.nolint
