package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import kelompok.system.Browser;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Two facilitators type into one note at once, in two real Chromium windows. */
class NotesBrowserTest {

  private static TestNode node;
  private static People people;
  private static Person ani;
  private static Person budi;
  private static String groupId;
  private static Browser first;
  private static Browser second;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
    ani = people.facilitator("Ani");
    budi = people.facilitator("Budi");
    groupId = People.newGroup(people.coordinator().client(), ani.id(), 2, "closed").getString("id");
    long version = ani.client().get("/api/groups/" + groupId).json().getLong("version");
    assertEquals(200, people.coordinator().client().patch("/api/groups/" + groupId, new JsonObject()
        .put("facilitatorIds", new JsonArray().add(ani.id()).add(budi.id())).put("version", version)).status());
    first = Browser.open("en-US");
    second = Browser.open("en-US");
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    node.close();
  }

  /** The editor's text as CodeMirror shows it (lines joined, peers' cursor labels left out). */
  private static String editorText(Browser browser) {
    return (String) ((JavascriptExecutor) browser.driver()).executeScript(
        "return Array.from(document.getElementById('editor').shadowRoot.querySelectorAll('.cm-content .cm-line')).map(l => {"
            + " const c = l.cloneNode(true); c.querySelectorAll('.remote-cursor').forEach(e => e.remove());"
            + " return c.textContent; }).join('\\n');");
  }

  private static org.openqa.selenium.WebElement content(Browser browser) {
    return browser.find("#editor").getShadowRoot().findElement(By.cssSelector(".cm-content"));
  }

  private static void open(Browser browser, Person person, String noteId) {
    browser.useSessionOf(node, person);
    browser.get(node.url("/note.html?id=" + noteId));
    browser.waitUntil(ExpectedConditions.attributeToBe(By.id("save-state"), "data-state", "saved"));
  }

  @Test
  @DisplayName("Two facilitators type at once in two browsers and end with the same text, which the server stored")
  void typeAtOnce() throws Exception {
    String noteId = NotesApiTest.newNote(ani.client(), groupId);
    open(first, ani, noteId);
    open(second, budi, noteId);
    first.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "Budi"));
    second.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("presence"), "Ani"));

    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> {
      content(first).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "Ani: trust grew today. ",
          "Members spoke freely, café.");
    });
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
      content(second).sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), "Budi was here first. ", Keys.ENTER,
          "Second line from Budi.");
    });
    CompletableFuture.allOf(a, b).get();

    for (Browser browser : List.of(first, second)) {
      browser.waitUntil(ExpectedConditions.attributeToBe(By.id("save-state"), "data-state", "saved"));
    }
    String server = ani.client().get("/api/notes/" + noteId).json().getString("text");
    first.waitUntil(d -> editorText(first).equals(server));
    second.waitUntil(d -> editorText(second).equals(server));
    assertTrue(server.replace('\u00a0', ' ').contains("Ani: trust grew today. Members spoke freely, café."), server);
    assertTrue(server.replace('\u00a0', ' ').startsWith("Budi was here first. \nSecond line from Budi."), server);
    assertEquals(List.of(), first.consoleErrors());
    assertEquals(List.of(), second.consoleErrors());
  }
}
