package ask

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"parley/errs"
)

// ValidNumber says the numbers the field at path (its JSON name, parts
// joined by "."; a field the JSON leaves out by its Go name, any case,
// "-" and "_" ignored) of the request req (a pointer, as Check takes it:
// a sensitivity analysis's a *SensitivityRequest) takes: the "valid: …"
// of Check's refusal of a copy of req whose field holds the farthest
// value of its type on the side of the number given (neg: below 0),
// where that refusal names the field (errs.FieldOf); else the range of the field's
// type (TypeRange); "" where req has no numeric field at path. The server's words for a number a body sent out of
// range, and the command line's for a flag's value it could not read,
// are these, so both doors say what Check says.
func ValidNumber(req any, path string, neg bool) string {
	rv := reflect.ValueOf(req)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return ""
	}
	r := rv.Elem()
	// The body of POST …/runs: a kind beside the request, embedded by
	// pointer.
	for i := range r.NumField() {
		if f := r.Type().Field(i); f.Anonymous && f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct && !r.Field(i).IsNil() {
			r = r.Field(i).Elem()
			break
		}
	}
	cp := reflect.New(r.Type())
	cp.Elem().Set(r)
	f := cp.Elem()
	for _, name := range strings.Split(path, ".") {
		var ok bool
		if f, ok = fieldByJSON(f, name); !ok {
			return ""
		}
	}
	t := f.Type()
	whole := TypeRange(t)
	if whole == "" {
		return ""
	}
	if !f.CanSet() {
		return whole // no copy to ask Check with: the type's range
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		f.SetFloat(map[bool]float64{false: math.MaxFloat64, true: -math.MaxFloat64}[neg])
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if neg {
			f.SetUint(0)
		} else {
			f.SetUint(math.MaxUint64 >> (64 - t.Bits()))
		}
	default:
		if neg {
			f.SetInt(int64(-1) << (t.Bits() - 1))
		} else {
			f.SetInt(math.MaxInt64 >> (64 - t.Bits()))
		}
	}
	err := Check(cp.Interface())
	if err == nil || errs.CodeOf(err) != errs.Argument {
		return whole
	}
	if !sameField(errs.FieldOf(err), path) {
		return whole // a refusal of another field, or of none
	}
	_, valid, ok := strings.Cut(err.Error(), ": valid: ")
	if !ok {
		return whole
	}
	return valid
}

// sameField says whether the request field a refusal names (errs.FieldOf)
// is the one at path: part by part, as fieldByJSON finds them (a field
// the JSON leaves out by its Go name, any case, "-" and "_" ignored).
func sameField(field, path string) bool {
	f, p := strings.Split(field, "."), strings.Split(path, ".")
	if field == "" || len(f) != len(p) {
		return false
	}
	for i := range f {
		if f[i] != p[i] && bareName(f[i]) != bareName(p[i]) {
			return false
		}
	}
	return true
}

// TypeRange says the numbers a value of the numeric type t holds ("" for
// a type not a number's).
func TypeRange(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return "a finite number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number from 0 to " + strconv.FormatUint(math.MaxUint64>>(64-t.Bits()), 10)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("a whole number from %d to %d", int64(-1)<<(t.Bits()-1), int64(math.MaxInt64>>(64-t.Bits())))
	}
	return ""
}

// fieldByJSON is the field of the struct value s whose JSON name is
// name (a field the JSON leaves out, json:"-", by its Go name), looked
// for through embedded structs held by value (never through a pointer,
// which the copy ValidNumber changes would share).
func fieldByJSON(s reflect.Value, name string) (reflect.Value, bool) {
	if s.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	for i := range s.NumField() {
		sf := s.Type().Field(i)
		tag, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		switch {
		case !sf.IsExported() && !sf.Anonymous:
			continue
		case tag == "-":
			if bareName(sf.Name) == bareName(name) {
				return s.Field(i), true
			}
			continue
		case sf.Anonymous && tag == "" && sf.Type.Kind() == reflect.Struct:
			if f, ok := fieldByJSON(s.Field(i), name); ok {
				return f, true
			}
			continue
		case !sf.IsExported():
			continue
		case tag == "":
			tag = sf.Name
		}
		if tag == name {
			return s.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// bareName is a name in lower case without "-" and "_" (MaxRounds,
// max_rounds and max-rounds are one).
func bareName(s string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s))
}
