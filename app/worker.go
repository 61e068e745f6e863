package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// worker runs the store's reads and writes off the UI thread, one at a time
// and in the order they were asked for, so the last answer a coach gives is
// the last one written, and a read after a write sees it.
type worker struct {
	mu      sync.Mutex
	queue   []func()
	wake    chan struct{}
	pending sync.WaitGroup
	stop    chan struct{}
	stopped sync.Once

	// deliver runs a job's done on the UI thread. It is fyne.Do; tests
	// swap it for a queue they drain on their own goroutine, which is what
	// the UI thread is in a test.
	deliver func(func())
}

func newWorker() *worker {
	w := &worker{wake: make(chan struct{}, 1), stop: make(chan struct{}), deliver: fyne.Do}
	go w.loop()
	return w
}

// do queues work and, once it has run, calls done with its error on the UI
// thread. The queue never blocks the caller.
func (w *worker) do(work func() error, done func(error)) {
	w.pending.Add(1)
	w.mu.Lock()
	w.queue = append(w.queue, func() {
		defer w.pending.Done()
		err := work()
		if done != nil {
			w.deliver(func() { done(err) })
		}
	})
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *worker) loop() {
	for {
		w.mu.Lock()
		if len(w.queue) == 0 {
			w.mu.Unlock()
			select {
			case <-w.wake:
				continue
			case <-w.stop:
				return
			}
		}
		job := w.queue[0]
		w.queue[0] = nil
		w.queue = w.queue[1:]
		w.mu.Unlock()
		job()
	}
}

// wait blocks until every queued job has run. Tests call it between a
// coach's action and looking at the screen; the app calls it before closing
// the store so no write is lost at quit.
func (w *worker) wait() { w.pending.Wait() }

// close ends the worker once the queue is empty.
func (w *worker) close() {
	w.wait()
	w.stopped.Do(func() { close(w.stop) })
}

// spawn runs long work (a PDF, an import) on its own goroutine so it never
// holds up the queue, then done on the UI thread. Tests wait for it as for
// queued jobs.
func (w *worker) spawn(work func() error, done func(error)) {
	w.pending.Add(1)
	go func() {
		defer w.pending.Done()
		err := work()
		if done != nil {
			w.deliver(func() { done(err) })
		}
	}()
}

// beside runs long store work (an import) on its own goroutine once every
// job queued before it has run, so it starts from what the coach saved
// before asking for it; jobs queued after it run on the queue meanwhile,
// so the coach's saves are not held up behind it (the store lets them in
// between the import's short transactions). done runs on the UI thread.
// Tests wait for it as for queued jobs.
func (w *worker) beside(work func() error, done func(error)) {
	w.do(func() error {
		w.spawn(work, done)
		return nil
	}, nil)
}

// debouncer delays a write while the coach is still typing: each call
// under the same key restarts the wait, and flush writes whatever is pending
// at once (when the coach moves on to another item or screen). With no
// delay, calls run at once, which is what tests use.
type debouncer struct {
	delay time.Duration
	gen   map[string]int
	fns   map[string]func()
}

func newDebouncer(delay time.Duration) *debouncer {
	return &debouncer{delay: delay, gen: map[string]int{}, fns: map[string]func(){}}
}

// call runs f after the delay, unless another call with the same key comes
// first. It must be called on the UI thread; f runs there too.
func (d *debouncer) call(key string, f func()) {
	if d.delay <= 0 {
		f()
		return
	}
	d.gen[key]++
	g := d.gen[key]
	d.fns[key] = f
	time.AfterFunc(d.delay, func() {
		fyne.Do(func() {
			if d.gen[key] != g {
				return
			}
			if fn, ok := d.fns[key]; ok {
				delete(d.fns, key)
				fn()
			}
		})
	})
}

// flush runs every pending call now.
func (d *debouncer) flush() {
	for key, fn := range d.fns {
		delete(d.fns, key)
		d.gen[key]++
		fn()
	}
}
