package kelompok.notes;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;

/**
 * The live-notes benchmark (not a test: run it with the command in BENCHMARKS.md). A real node on
 * the embedded MongoDB with durable acknowledgements; editors are WebSocket clients speaking the
 * SockJS bridge protocol as the browser does, each appending characters at a steady pace. It
 * measures accepted changes per second, and the time from an editor's keystroke (first send) to
 * each other editor's receipt of the accepted change.
 *
 * <p>Scenarios: {@code many} (200 notes, 2 editors each) and {@code crowd} (1 note, 100 editors
 * at 2.5 changes per second each). Arguments: scenario, seconds, changes per second per editor,
 * and {@code strict} to turn the server's rebasing off.
 */
public final class NotesBenchmark {

  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean measuring;

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "many";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    boolean crowd = scenario.equals("crowd");
    double rate = args.length > 2 ? Double.parseDouble(args[2]) : crowd ? 2.5 : 5.0;
    boolean strict = args.length > 3 && args[3].equals("strict");
    int notes = crowd ? 1 : 200;
    int editorsPerNote = crowd ? 100 : 2;
    new NotesBenchmark().run(scenario, notes, editorsPerNote, rate, seconds, strict);
    System.exit(0);
  }

  private final class Editor {
    final String id;
    final String noteId;
    WebSocket socket;
    long version;
    int length;
    boolean inFlight;
    long seq;
    long replies;
    long waitFor;
    final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
    final Map<String, Integer> own = new java.util.HashMap<>();

    Editor(String id, String noteId, long version, int length) {
      this.id = id;
      this.noteId = noteId;
      this.version = version;
      this.length = length;
    }

    void onFrame(JsonObject frame) {
      if ("rec".equals(frame.getString("type")) && frame.getString("address").startsWith("note.")) {
        JsonObject event = frame.getJsonObject("body");
        if (!"ops".equals(event.getString("type"))) {
          return;
        }
        long now = System.nanoTime();
        for (Object o : event.getJsonArray("ops")) {
          JsonObject op = (JsonObject) o;
          if (op.getLong("version") == version + 1) {
            version++;
            length = lengthAfter(op.getJsonArray("changes"));
          }
          String client = op.getString("clientID");
          Long sent = client == null ? null : sentAt.get(client);
          if (sent != null && !client.startsWith(id + "#") && measuring) {
            latencies.add(now - sent);
          }
        }
        trySend();
      } else if ("rec".equals(frame.getString("type"))) {
        JsonObject reply = frame.getJsonObject("body");
        inFlight = false;
        int sentCount = own.remove(frame.getString("address"));
        if (reply.getBoolean("accepted", false)) {
          accepted.addAndGet(sentCount);
          for (int i = 0; i < sentCount; i++) {
            pending.poll();
          }
        } else {
          stale.incrementAndGet();
        }
        // as the editor does: go on from a version at least as new as the one the server named
        waitFor = reply.getLong("version", version);
        trySend();
      } else if ("err".equals(frame.getString("type"))) {
        errors.incrementAndGet();
        inFlight = false;
      }
    }

    void keystroke() {
      String clientId = id + "#" + (++seq);
      sentAt.put(clientId, System.nanoTime());
      pending.add(clientId);
      trySend();
    }

    void trySend() {
      if (inFlight || pending.isEmpty() || version < waitFor) {
        return;
      }
      inFlight = true;
      JsonArray updates = new JsonArray();
      int len = length;
      for (String clientId : pending) {
        updates.add(new JsonObject().put("clientID", clientId)
            .put("changes", new JsonArray().add(len).add(new JsonArray().add(0).add("a"))));
        len++;
        if (updates.size() == 50) {
          break;
        }
      }
      String reply = id + "-r" + (++replies);
      own.put(reply, updates.size());
      socket.writeTextMessage(new JsonObject().put("type", "send").put("address", Notes.PUSH).put("replyAddress", reply)
          .put("body", new JsonObject().put("noteId", noteId).put("version", version).put("updates", updates)).encode());
    }
  }

  private void run(String scenario, int notes, int perNote, double rate, int seconds, boolean strict) throws Exception {
    try (TestNode node = TestNode.start(strict ? Map.of("KELOMPOK_NOTES_REBASE", "false") : Map.of())) {
      People people = new People(node);
      Person facilitator = people.facilitator("Bench");
      String groupId = People.newGroup(people.coordinator().client(), facilitator.id(), 2, "closed").getString("id");
      Vertx client = Vertx.vertx();
      WebSocketClient ws = client.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000));
      List<Editor> editors = new ArrayList<>();
      for (int n = 0; n < notes; n++) {
        String noteId = NotesApiTest.newNote(facilitator.client(), groupId);
        JsonObject note = facilitator.client().get("/api/notes/" + noteId).json();
        for (int e = 0; e < perNote; e++) {
          Editor editor = new Editor("n" + n + "e" + e, noteId, note.getLong("version"), note.getString("text").length());
          WebSocket socket = TestNode.await(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
              .setPort(node.port()).setURI("/eventbus/websocket")
              .addHeader("Cookie", "kelompok.sid=" + facilitator.client().sessionCookie())));
          editor.socket = socket;
          socket.handler(b -> editor.onFrame(new JsonObject(b.toString())));
          socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "note." + noteId).encode());
          editors.add(editor);
        }
      }
      Thread.sleep(1000);
      long periodMs = Math.max(1, Math.round(1000 / rate));
      java.util.Random random = new java.util.Random(7);
      for (Editor editor : editors) {
        client.setTimer(1 + random.nextInt((int) periodMs), t -> client.setPeriodic(periodMs, p -> editor.keystroke()));
      }
      Thread.sleep(3000);
      long commitsBefore = node.server().storage().commits();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      long gcBefore = gcMillis();
      measuring = true;
      accepted.set(0);
      stale.set(0);
      latencies.clear();
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      measuring = false;
      double elapsed = (System.nanoTime() - start) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed;
      long gc = gcMillis() - gcBefore;
      long done = accepted.get();
      long commits = node.server().storage().commits() - commitsBefore;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf("scenario=%s notes=%d editors=%d offered=%.0f changes/s (%.1f per editor) server-rebase=%s%n",
          scenario, notes, editors.size(), editors.size() * rate, rate, !strict);
      System.out.printf("accepted=%.0f changes/s stale-answers=%.0f/s errors=%d disk-commits=%.0f/s deliveries=%d%n",
          done / elapsed, stale.get() / elapsed, errors.get(), commits / elapsed, sorted.size());
      System.out.printf("process cpu=%.2f of %d cores, gc=%d ms%n", cpu, os.getAvailableProcessors(), gc);
      System.out.printf("keystroke-to-other-editor latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
          pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), pct(sorted, 1.0));
      TestNode.await(client.close());
      Thread.sleep(500);
    }
  }

  /** The length of the text after a change in ChangeSet.toJSON() form. */
  private static int lengthAfter(JsonArray changes) {
    int length = 0;
    for (Object part : changes) {
      if (part instanceof JsonArray section) {
        for (int i = 1; i < section.size(); i++) {
          length += section.getString(i).length() + (i > 1 ? 1 : 0);
        }
      } else {
        length += ((Number) part).intValue();
      }
    }
    return length;
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
  }

  private static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
