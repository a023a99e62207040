package ingest

import "golang.org/x/text/encoding/charmap"

func encodeCP1251(s string) ([]byte, error) {
	return charmap.Windows1251.NewEncoder().Bytes([]byte(s))
}
