package httpapi

import "time"

// SetWriteSlots gives s n slots for writes parsing a body, a wait of at
// most wait for one, and calls waiting when a write starts waiting:
// for tests that fill the slots. Call it before any request.
func SetWriteSlots(s *Server, n int, wait time.Duration, waiting func()) {
	s.writes, s.writeWait, s.writeWaiting = make(gate, n), wait, waiting
}
