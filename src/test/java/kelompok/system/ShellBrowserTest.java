package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The web shell in real headless Chromium. */
class ShellBrowserTest {

  private static TestNode node;
  private static Browser browser;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    browser = Browser.open("en-US");
  }

  @AfterAll
  static void stop() {
    browser.close();
    node.close();
  }

  @Test
  @DisplayName("The shell loads with no console errors, connects to the event bus and shows the live server time")
  void loadsAndHearsServerTime() {
    browser.get(node.url("/"));
    browser.waitUntil(ExpectedConditions.attributeToBe(By.id("bus-state"), "data-state", "open"));
    assertEquals("Connected", browser.find("#bus-state").getText());
    browser.waitUntil(d -> d.findElement(By.id("server-time")).getAttribute("data-time") != null);
    String first = browser.find("#server-time").getAttribute("data-time");
    Instant time = Instant.parse(first);
    assertTrue(Duration.between(time, Instant.now()).abs().toSeconds() < 60, first);
    browser.waitUntil(d -> !first.equals(d.findElement(By.id("server-time")).getAttribute("data-time")));
    assertTrue(browser.find("nav a[href='/signin.html']").isDisplayed()
        || browser.find("#menu-button").isDisplayed(), "signed out: the sign-in link is offered");
    assertEquals(java.util.List.of(), browser.consoleErrors());
  }

  @Test
  @DisplayName("Switching to Bahasa Indonesia changes the page's text and language, and the choice is kept")
  void switchesLanguage() {
    browser.get(node.url("/"));
    browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("h1"), "Group work, step by step"));
    new Select(browser.find("#lang-select")).selectByValue("id");
    browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("h1"), "Pekerjaan kelompok, tahap demi tahap"));
    assertEquals("id", browser.find("html").getAttribute("lang"));
    browser.get(node.url("/"));
    browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("h1"), "Pekerjaan kelompok, tahap demi tahap"));
    browser.waitUntil(ExpectedConditions.textToBe(By.id("bus-state"), "Terhubung"));
    new Select(browser.find("#lang-select")).selectByValue("en");
    browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("h1"), "Group work, step by step"));
    assertEquals(java.util.List.of(), browser.consoleErrors());
  }
}
