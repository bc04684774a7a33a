package kelompok.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kelompok.system.Browser;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A coordinator creates a group and a facilitator takes it from intake to closed, in Chromium. */
class GroupPagesBrowserTest {

  private static TestNode node;
  private static People people;
  private static Browser browser;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
    browser = Browser.open("en-US");
  }

  @AfterAll
  static void stop() {
    browser.close();
    node.close();
  }

  private void click(String css) {
    retry(() -> {
      WebElement element = browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
      ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
      element.click();
    });
  }

  private void type(String css, String text) {
    retry(() -> browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).sendKeys(text));
  }

  private void saved() {
    browser.waitUntil(ExpectedConditions.textToBe(By.id("status"), "Saved."));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('status').textContent=''");
  }

  private List<String> missing() {
    return browser.waitUntil(d -> d.findElements(By.cssSelector("#gate-missing li")).stream()
        .map(e -> e.getAttribute("data-code")).toList());
  }

  private void move(String expectedPhase) {
    click("#move-next");
    browser.waitUntil(ExpectedConditions.attributeToBe(By.id("group-phase"), "data-phase", expectedPhase));
  }

  private WebElement member(String name) {
    return browser.find("[data-member='" + name + "']");
  }

  private void submitIn(String memberName, String summary, java.util.function.Consumer<WebElement> fill) {
    retry(() -> submitInOnce(member(memberName), summary, fill));
  }

  private void submitInOnce(WebElement scope, String summary, java.util.function.Consumer<WebElement> fill) {
    WebElement details = scope.findElements(By.cssSelector("details")).stream()
        .filter(d -> d.findElement(By.tagName("summary")).getText().equals(summary)).findFirst().orElseThrow();
    if (details.getAttribute("open") == null) {
      details.findElement(By.tagName("summary")).click();
    }
    WebElement form = details.findElement(By.tagName("form"));
    fill.accept(form);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    saved();
  }

  /** Retries a step whose elements were replaced by a live redraw while it ran. */
  private static void retry(Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private void changeStatus(String name, String status, String reason) {
    retry(() -> changeStatusOnce(name, status, reason));
  }

  private void changeStatusOnce(String name, String status, String reason) {
    WebElement form = member(name).findElements(By.tagName("form")).stream()
        .filter(f -> !f.findElements(By.name("status")).isEmpty()).findFirst().orElseThrow();
    new Select(form.findElement(By.name("status"))).selectByValue(status);
    if (reason != null) {
      form.findElement(By.name("reason")).sendKeys(reason);
    }
    form.findElement(By.cssSelector("button[type=submit]")).click();
    saved();
  }

  @Test
  @DisplayName("A member sees their own schedule page and no way to notes or groups")
  void memberSchedule() {
    Person facilitator = people.facilitator("Hana");
    String groupId = People.newGroup(people.coordinator().client(), facilitator.id(), 2, "open").getString("id");
    Person member = people.member("Joni", facilitator, groupId);
    io.vertx.core.json.JsonObject candidate = null;
    for (int i = 0; i < 50 && candidate == null; i++) {
      candidate = facilitator.client().get("/api/groups/" + groupId).json().getJsonArray("members").stream()
          .map(io.vertx.core.json.JsonObject.class::cast).filter(m -> member.id().equals(m.getString("userId")))
          .findFirst().orElse(null);
    }
    String base = "/api/groups/" + groupId + "/members/" + candidate.getString("id");
    facilitator.client().patch(base, new io.vertx.core.json.JsonObject().put("version", 0).put("status", "assessed"));
    facilitator.client().patch(base, new io.vertx.core.json.JsonObject().put("version", 1).put("status", "selected")
        .put("reason", "Wants to take part"));
    java.time.Instant start = java.time.Instant.now().plusSeconds(86_400);
    facilitator.client().post("/api/groups/" + groupId + "/sessions", new io.vertx.core.json.JsonObject()
        .put("start", start.toString()).put("end", start.plusSeconds(3600).toString()).put("topic", "Sharing circle"));
    browser.useSessionOf(node, member);
    browser.get(node.url("/"));
    click("nav a[href='/schedule.html']");
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("sessions"), "Sharing circle"));
    assertEquals(0, browser.driver().findElements(By.cssSelector("nav a[href='/groups.html']")).size());
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  @DisplayName("Another person's change shows live, but waits while the facilitator is typing in a form")
  void liveChangeKeepsTyping() {
    Person facilitator = people.facilitator("Gilang");
    String groupId = People.newGroup(people.coordinator().client(), facilitator.id(), 2, "open").getString("id");
    browser.useSessionOf(node, facilitator);
    browser.get(node.url("/group.html?id=" + groupId));
    browser.waitUntil(ExpectedConditions.attributeToBe(By.id("group-phase"), "data-phase", "intake"));
    type("#new-member", "Half-typed na");
    assertEquals(201, people.coordinator().client().post("/api/groups/" + groupId + "/members",
        new io.vertx.core.json.JsonObject().put("name", "Added by the coordinator")).status());
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Siti Coordinator"));
    assertEquals("Half-typed na", browser.find("#new-member").getAttribute("value"), "the typing is kept");
    assertEquals(0, browser.driver().findElements(By.cssSelector("[data-member='Added by the coordinator']")).size());
    browser.find("h1").click();
    browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-member='Added by the coordinator']")));
  }

  @Test
  @DisplayName("A facilitator takes a group from intake to closed in the pages, seeing each gate's missing steps")
  void journey() {
    Person facilitator = people.facilitator("Fitri");
    browser.useSessionOf(node, people.coordinator());
    browser.get(node.url("/groups.html"));
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("create-section")));
    browser.find("#g-name").sendKeys("Kelompok Dukungan Ibu");
    new Select(browser.find("#g-type")).selectByValue("support");
    browser.find("#g-min").clear();
    browser.find("#g-min").sendKeys("2");
    browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("input[name=facilitatorIds][value='" + facilitator.id() + "']"))).click();
    click("#create button[type=submit]");
    browser.waitUntil(ExpectedConditions.textToBe(By.id("group-name"), "Kelompok Dukungan Ibu"));
    String url = browser.driver().getCurrentUrl();

    browser.useSessionOf(node, facilitator);
    browser.get(url);
    browser.waitUntil(ExpectedConditions.attributeToBe(By.id("group-phase"), "data-phase", "intake"));
    assertEquals(List.of("intake.no-candidates"), missing());
    assertTrue(browser.find("#gate-missing").getText().contains("Record at least one candidate's intake."));
    for (String name : List.of("Ani", "Bunga")) {
      type("#new-member", name);
      click("#add-member");
      saved();
      submitIn(name, "Intake", form -> {
        new Select(form.findElement(By.name("problemSource"))).selectByValue("worker-observed");
        form.findElement(By.name("problemStory")).sendKeys("Isolated after moving to the city");
        form.findElement(By.name("contractAgreed")).click();
        form.findElement(By.name("confidentialityConsent")).click();
      });
    }
    move("assessment-planning");
    assertEquals(List.of("assessment.no-problem", "assessment.no-short-goal", "assessment.no-long-goal",
        "assessment.no-action"), missing());
    type("#assessment [name=problems]", "Isolation");
    type("#assessment [name=shortTermGoals]", "Meet weekly");
    type("#assessment [name=longTermGoals]", "A support network");
    type("#assessment [name=plannedActions]", "Sharing circle");
    click("#save-assessment");
    saved();
    move("selection");
    assertEquals(List.of("selection.too-few", "selection.undecided", "selection.no-session"), missing());
    for (String name : List.of("Ani", "Bunga")) {
      changeStatus(name, "assessed", null);
      changeStatus(name, "selected", "Wants to build friendships");
    }
    type("#session-date", LocalDate.now().minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    click("#schedule");
    saved();
    move("development");
    assertEquals(List.of("development.no-session-held", "development.no-evaluation"), missing());
    click(".mark-held");
    saved();
    retry(() -> new Select(browser.find("#stage-select")).selectByValue("pre-affiliation"));
    click("#stage-signs input[value='guarded']");
    type("#stage-rationale", "Careful first meeting");
    click("#save-stage");
    saved();
    browser.waitUntil(ExpectedConditions.textToBe(By.id("group-stage"), "Pre-affiliation"));
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline svg circle")));
    type("#ongoing-text", "Both came and spoke");
    click("#save-ongoing");
    saved();
    move("evaluation-termination");
    assertEquals(List.of("closing.no-final-evaluation", "closing.no-termination", "closing.member-outcomes"), missing());
    type("#evaluation textarea[name=process]", "Steady participation");
    type("#evaluation textarea[name=results]", "Both feel less alone");
    click("#save-final");
    saved();
    type("#evaluation textarea[name=summary]", "Goals reached");
    click("#save-termination");
    saved();
    for (String name : List.of("Ani", "Bunga")) {
      changeStatus(name, "completed", null);
    }
    move("closed");
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("closed-note")));
    browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#phase-history li"), 5));
    assertEquals(List.of(), browser.consoleErrors());
  }
}
