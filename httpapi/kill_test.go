package httpapi_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parley/cli"
)

// TestMain lets the test binary act as `parley serve` for the kill test:
// with PARLEY_SERVE_CHILD set it runs the CLI with those arguments.
func TestMain(m *testing.M) {
	if args := os.Getenv("PARLEY_SERVE_CHILD"); args != "" {
		os.Exit(cli.Main(strings.Fields(args), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// serveChild starts `parley serve` on db in a subprocess and returns it
// with its base URL.
func serveChild(t *testing.T, db string) (*exec.Cmd, string) {
	t.Helper()
	return startServe(t, nil, "serve --addr 127.0.0.1:0 --db "+db)
}

// startServe starts the test binary as `parley` with args (split at
// spaces) and env added, and returns it with the URL it printed first.
func startServe(t *testing.T, env []string, args string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), env...), "PARLEY_SERVE_CHILD="+args)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("server printed no URL: %v", err)
	}
	return cmd, strings.TrimSuffix(strings.TrimSpace(line), "/")
}

// TestKillLosesNoAcknowledgedWrite fires concurrent writes (scenario
// creates, stance edits and stored forecast runs) at `parley serve`,
// SIGKILLs it in the middle of the burst, restarts it on the same store
// file, and checks that every write the server acknowledged is there.
func TestKillLosesNoAcknowledgedWrite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kill.db")
	child, base := serveChild(t, db)
	body := small(t)
	type ack struct{ kind, id, want string }
	var (
		mu    sync.Mutex
		acks  []ack
		fails atomic.Int64
		stop  atomic.Bool
		wg    sync.WaitGroup
	)
	client := &http.Client{Timeout: 10 * time.Second}
	post := func(method, url, ctype, data string) (int, []byte) {
		req, _ := http.NewRequest(method, url, strings.NewReader(data))
		req.Header.Set("Content-Type", ctype)
		res, err := client.Do(req)
		if err != nil {
			return 0, nil
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, b
	}
	const writers = 8
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load() && i < 10000; i++ {
				title := fmt.Sprintf("writer %d write %d", w, i)
				code, b := post("POST", base+"/api/scenarios", "application/yaml", strings.Replace(strings.Replace(body, "title: Small test case", "title: "+title, 1), "id: small", fmt.Sprintf("id: w%d-%d", w, i), 1))
				if code != 201 {
					fails.Add(1)
					continue
				}
				var v struct{ ID string }
				json.Unmarshal(b, &v)
				mu.Lock()
				acks = append(acks, ack{"scenario", v.ID, title})
				mu.Unlock()
				code, _ = post("PATCH", base+"/api/scenarios/"+v.ID+"/stances/x/a", "application/json", `{"version":1,"snapshot":"base","position":25,"note":"`+title+`"}`)
				if code != 200 {
					fails.Add(1)
					continue
				}
				mu.Lock()
				acks = append(acks, ack{"edit", v.ID, title})
				mu.Unlock()
				code, b = post("POST", base+"/api/scenarios/"+v.ID+"/forecast", "application/json", `{"models":["compromise"]}`)
				if code != 200 {
					fails.Add(1)
					continue
				}
				var r struct{ ID, InputHash string }
				json.Unmarshal(b, &r)
				mu.Lock()
				acks = append(acks, ack{"run", r.ID, r.InputHash})
				mu.Unlock()
			}
		}()
	}
	// Kill once the burst is well under way.
	deadline := time.Now().Add(20 * time.Second)
	for {
		mu.Lock()
		n := len(acks)
		mu.Unlock()
		if n >= 300 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := child.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	child.Wait()
	stop.Store(true)
	wg.Wait()
	if len(acks) < 100 {
		t.Fatalf("only %d writes acknowledged before the kill", len(acks))
	}

	child, base = serveChild(t, db)
	defer func() { child.Process.Kill(); child.Wait() }()
	get := func(path string, v any) int {
		res, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		json.NewDecoder(res.Body).Decode(v)
		return res.StatusCode
	}
	counts := map[string]int{}
	for _, a := range acks {
		counts[a.kind]++
		switch a.kind {
		case "scenario":
			var v struct{ Name string }
			if code := get("/api/scenarios/"+a.id, &v); code != 200 || v.Name != a.want {
				t.Errorf("acknowledged scenario %s (%q) after restart: %d %q", a.id, a.want, code, v.Name)
			}
		case "edit":
			var v struct {
				Version  int64
				Scenario struct {
					Stances []struct {
						Actor, Issue, Note string
						Position           float64
					}
				}
			}
			if code := get("/api/scenarios/"+a.id, &v); code != 200 || v.Version != 2 || v.Scenario.Stances[0].Position != 25 || v.Scenario.Stances[0].Note != a.want {
				t.Errorf("acknowledged edit of %s after restart: %d version %d %+v", a.id, code, v.Version, v.Scenario.Stances[0])
			}
		case "run":
			var r struct{ Status, InputHash string }
			if code := get("/api/runs/"+a.id, &r); code != 200 || r.Status != "done" || r.InputHash != a.want {
				t.Errorf("acknowledged run %s after restart: %d %+v", a.id, code, r)
			}
		}
	}
	// The built-in case was seeded once, on the first start only.
	var list []struct{ Name string }
	get("/api/scenarios", &list)
	seeded := 0
	for _, sc := range list {
		if !strings.HasPrefix(sc.Name, "writer ") {
			seeded++
		}
	}
	if seeded != 1 || len(list) < counts["scenario"]+1 {
		t.Errorf("after restart: %d scenarios, %d of them not written by the test; want the seeded case once and %d more", len(list), seeded, counts["scenario"])
	}
	t.Logf("SIGKILL after %d acknowledged writes (%d creates, %d edits, %d runs; %d requests refused once it was down): all %d found after restart",
		len(acks), counts["scenario"], counts["edit"], counts["run"], fails.Load(), len(acks))
}

// TestServeRefusesOpenAddressWithoutToken checks that `parley serve`
// will not listen beyond loopback unless writes need a token.
func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	t.Setenv("PARLEY_TOKEN", "")
	var stderr strings.Builder
	code := cli.Main([]string{"serve", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "x.db")}, strings.NewReader(""), io.Discard, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "set PARLEY_TOKEN") {
		t.Fatalf("exit %d, stderr %q; want 2 and a word about PARLEY_TOKEN", code, stderr.String())
	}
}
