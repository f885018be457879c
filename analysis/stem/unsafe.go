package stem

import "unsafe"

// bytesToString views b as a string without copying. The caller must not keep the
// string after b changes.
func bytesToString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// unsafeStringData returns a pointer to the first byte of s.
func unsafeStringData(s string) *byte { return unsafe.StringData(s) }
