package index

import "fmt"

// resolveEntity returns the indexed values of an entity field (persons,
// organizations, places) that a query's name stands for. This temporary version
// matches the exact value only; the entity registry replaces it with alias- and
// case-insensitive resolution.
func (x *Index) resolveEntity(field, name string) ([]string, error) {
	d, err := x.b.FieldDictPrefix(field, []byte(name))
	if err != nil {
		return nil, fmt.Errorf("resolving %s %q: %w", field, name, err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("resolving %s %q: %w", field, name, err)
		}
		if e == nil {
			return nil, nil
		}
		if e.Term == name {
			return []string{name}, nil
		}
	}
}
