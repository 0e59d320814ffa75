package bolt

import (
	"encoding/binary"
	"testing"
)

// TestKeyIDRefusesAWrappingLength: a kept version's key whose id length
// is so large that the length plus the varint's bytes wraps past 2⁶⁴
// is damaged, not an id: the check uint64(len(k)) < n + l passed it,
// and slicing the key with it panicked.
func TestKeyIDRefusesAWrappingLength(t *testing.T) {
	wrap := binary.AppendUvarint(nil, 1<<64-5) // + 10 bytes of varint wraps to 5
	for _, c := range []struct {
		name       string
		k          []byte
		start, end int
		ok         bool
	}{
		{"an id of 2 bytes, then the version", append(binary.AppendUvarint(nil, 2), 'a', 'b', 0, 0, 0, 0, 0, 0, 0, 1), 1, 3, true},
		{"an empty id", binary.AppendUvarint(nil, 0), 1, 1, true},
		{"a length past the key", append(binary.AppendUvarint(nil, 9), 'a'), 0, 0, false},
		{"a length that wraps", append(wrap, 'a', 'b', 'c', 'd', 'e'), 0, 0, false},
		{"no varint", nil, 0, 0, false},
	} {
		start, end, ok := keyID(c.k)
		if start != c.start || end != c.end || ok != c.ok {
			t.Errorf("%s: keyID = %d, %d, %v; want %d, %d, %v", c.name, start, end, ok, c.start, c.end, c.ok)
		}
	}
	if uint64(len(wrap))+(1<<64-5) >= uint64(len(wrap)+5) {
		t.Fatal("the test's length does not wrap")
	}
}
