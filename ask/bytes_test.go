package ask

import "testing"

// BytesText writes a size in the unit a person reads it in, with three
// significant digits, so that a size under a MiB is not "0 MiB".
func TestBytesText(t *testing.T) {
	for _, c := range []struct {
		b    float64
		want string
	}{
		{0, "0 bytes"}, {1, "1 byte"}, {0.4, "0 bytes"}, {512, "512 bytes"}, {1000, "1000 bytes"}, {1023, "1023 bytes"},
		{1024, "1 KiB"}, {1536, "1.5 KiB"}, {5200, "5.08 KiB"}, {2048, "2 KiB"}, {100 << 10, "100 KiB"},
		{300 << 20, "300 MiB"}, {1.5 * (1 << 30), "1.5 GiB"}, {25.6e9, "23.8 GiB"}, {1 << 30, "1 GiB"},
		{6.2 * (1 << 40), "6349 GiB"},
		// Just under a unit, rounded up to 1024 of the one below: written
		// in the unit it reads as (1 MiB, not 1024 KiB).
		{1023.6, "1 KiB"}, {1<<20 - 1, "1 MiB"}, {1<<30 - 1, "1 GiB"}, {-(1<<20 - 1), "-1 MiB"},
	} {
		if got := BytesText(c.b); got != c.want {
			t.Errorf("BytesText(%v) = %q, want %q", c.b, got, c.want)
		}
	}
}

// BytesOver writes a need just over its limit with the digits that tell
// them apart.
func TestBytesOver(t *testing.T) {
	for _, c := range []struct {
		need, limit float64
		n, l        string
	}{
		{5200, 1000, "5.08 KiB", "1000 bytes"},
		// 1 GiB + 1 MiB = 1.0009765625 GiB: 1.001 at four digits.
		{1<<30 + 1<<20, 1 << 30, "1.001 GiB", "1 GiB"},
		{1001, 1000, "1001 bytes", "1000 bytes"},
		// A limit a byte under a unit had read as 1024 of the unit below,
		// the same size as the need ("1 GiB … over the limit of 1024
		// MiB"); at three digits both read 1 GiB, so more digits part
		// them (1024 − 2^-20 MiB = 1023.99999905 MiB).
		{1 << 30, 1<<30 - 1, "1 GiB", "1023.999999 MiB"},
		{1 << 20, 1<<20 - 1, "1 MiB", "1023.999 KiB"},
		// 13 digits of 1000 GiB and more leave 9 decimals or fewer,
		// steps of 10^-9 GiB (1.07 bytes) or more: 1000 GiB + 8 bytes is
		// 1000 + 8/2^30 = 1000.00000000745 GiB and a byte less
		// 1000.00000000652 GiB, both 1000.000000007 at 13 digits; in
		// whole bytes (1000 × 2^30 = 1073741824000) they differ.
		{1000<<30 + 8, 1000<<30 + 7, "1073741824008 bytes", "1073741824007 bytes"},
		// 16 TiB = 16384 GiB: 8 decimals at 13 digits, and a byte under
		// it is 16384 − 2^-30 = 16383.99999999907 GiB, "16384 GiB" too.
		{1 << 44, 1<<44 - 1, "17592186044416 bytes", "17592186044415 bytes"},
		// Alike to the byte too (a quarter of one apart): as 13 digits
		// write them.
		{1<<44 + 0.25, 1 << 44, "16384 GiB", "16384 GiB"},
	} {
		if n, l := BytesOver(c.need, c.limit); n != c.n || l != c.l {
			t.Errorf("BytesOver(%v, %v) = %q, %q; want %q, %q", c.need, c.limit, n, l, c.n, c.l)
		}
	}
}
