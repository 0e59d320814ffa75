package ask

import (
	"math"
	"strconv"
	"strings"
)

// BytesText is a size in bytes as every door writes it in a message: in
// the largest unit of bytes, KiB, MiB and GiB it is at least one of
// (once rounded: 1 MiB, not 1024 KiB, for a byte less), to three
// significant digits (at least the units), trailing zeros
// dropped: "512 bytes", "1 byte", "5.08 KiB", "300 MiB", "1.5 GiB",
// "23.8 GiB". A refusal that said "0 MiB" of a limit of 1,000 bytes
// said nothing.
func BytesText(b float64) string { return bytesText(b, 3) }

// BytesOver writes need and limit (need > limit) as BytesText does,
// with more digits when three would write them alike ("1 GiB … over
// the limit of 1 GiB"), up to 13 significant digits; alike still, in
// whole bytes when those differ. 13 digits write a size to the byte up
// to 1000 GiB; from there on they step by 10^-9 GiB (1.07 bytes) or
// more, so a need a byte or a few over its limit read as the same size.
func BytesOver(need, limit float64) (string, string) {
	var n, l string
	for digits := 3; digits <= 13; digits++ {
		if n, l = bytesText(need, digits), bytesText(limit, digits); n != l {
			return n, l
		}
	}
	if nb, lb := wholeBytes(need), wholeBytes(limit); nb != lb {
		return nb, lb
	}
	return n, l
}

// wholeBytes is b to the byte, in bytes.
func wholeBytes(b float64) string {
	return strconv.FormatFloat(math.Round(b), 'f', 0, 64) + " bytes"
}

// byteUnits are the units BytesText writes sizes in, smallest first.
var byteUnits = []struct {
	name string
	size float64
}{{"bytes", 1}, {"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}}

// bytesText is b in its unit to digits significant digits. A size that
// rounds to 1024 of its unit is written in the next one up (1 MiB, not
// 1024 KiB): it reads as that, and BytesOver would otherwise write a
// need of 1 MiB over a limit a byte smaller as "1024 KiB", the same size.
func bytesText(b float64, digits int) string {
	if math.IsNaN(b) || math.IsInf(b, 0) {
		return strconv.FormatFloat(b, 'f', -1, 64) + " bytes"
	}
	i := 0
	for i+1 < len(byteUnits) && math.Abs(b) >= byteUnits[i+1].size {
		i++
	}
	for ; ; i++ {
		v, unit := b/byteUnits[i].size, byteUnits[i].name
		var s string
		if i == 0 {
			// Whole bytes: a fraction of one is not a size.
			v = math.Round(v)
			s = strconv.FormatFloat(v, 'f', 0, 64)
		} else {
			// Decimals so that the value has digits significant digits,
			// none for a value of as many whole digits or more.
			whole := len(strconv.FormatFloat(math.Floor(math.Abs(v)), 'f', 0, 64))
			s = strconv.FormatFloat(v, 'f', max(0, digits-whole), 64)
			if strings.Contains(s, ".") {
				s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
			}
		}
		if r, _ := strconv.ParseFloat(s, 64); math.Abs(r) >= 1024 && i+1 < len(byteUnits) {
			continue
		}
		if s == "1" && i == 0 {
			return "1 byte"
		}
		return s + " " + unit
	}
}
