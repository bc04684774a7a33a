package kelompok.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kelompok.system.Browser;
import kelompok.system.People;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Set-up, sign-in, invitations, account management and the audit log, in Chromium. */
class AccountPagesBrowserTest {

  private static TestNode node;
  private static Browser browser;
  private static Browser invitee;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    browser = Browser.open("en-US");
    invitee = Browser.open("id-ID");
  }

  @AfterAll
  static void stop() {
    browser.close();
    invitee.close();
    node.close();
  }

  private static void signedInAs(Browser b, String text) {
    b.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), text));
  }

  @Test
  @DisplayName("A coordinator sets up Kelompok, signs in, invites a facilitator who joins, deactivates them, and reads the audit log")
  void accountsJourney() {
    browser.get(node.url("/setup.html"));
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("setup")));
    browser.find("#name").sendKeys("Sri Koordinator");
    browser.find("#login").sendKeys("sri@example.org");
    browser.find("#password").sendKeys(People.PASSWORD);
    browser.find("#setup button[type=submit]").click();
    signedInAs(browser, "Signed in as Sri Koordinator (coordinator).");
    assertTrue(browser.find("nav a[href='/accounts.html']").isDisplayed());
    assertEquals(List.of(), browser.consoleErrors());

    browser.find("#password-section summary").click();
    browser.find("#current").sendKeys("wrong current password");
    browser.find("#new-password").sendKeys("another good password");
    browser.find("#password-form button[type=submit]").click();
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("current-error")));
    browser.consoleErrors();
    browser.find("#current").clear();
    browser.find("#current").sendKeys(People.PASSWORD);
    browser.find("#new-password").clear();
    browser.find("#new-password").sendKeys("another good password");
    browser.find("#password-form button[type=submit]").click();
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("password-done")));

    browser.get(node.url("/setup.html"));
    browser.waitUntil(ExpectedConditions.urlContains("/signin.html"));

    browser.get(node.url("/"));
    browser.waitUntil(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "You are not signed in."));
    browser.get(node.url("/signin.html?next=/accounts.html"));
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("signin")));
    browser.find("#login").sendKeys("sri@example.org");
    browser.find("#password").sendKeys("not the password");
    browser.find("#signin button[type=submit]").click();
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "is not right"));
    assertTrue(browser.consoleErrors().stream().allMatch(e -> e.contains("/api/session") && e.contains("401")),
        "only the refused sign-in itself shows as a failed request");
    browser.find("#password").sendKeys("another good password");
    browser.find("#signin button[type=submit]").click();
    browser.waitUntil(ExpectedConditions.urlContains("/accounts.html"));

    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("invite")));
    browser.find("#i-name").sendKeys("Fajar Fasilitator");
    browser.find("#i-login").sendKeys("fajar@example.org");
    browser.find("#invite button[type=submit]").click();
    String link = browser.waitUntil(d -> {
      String value = d.findElement(By.id("invite-link")).getAttribute("value");
      return value != null && value.contains("#") ? value : null;
    });

    invitee.get(link);
    invitee.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Fajar Fasilitator"));
    assertEquals("Terima undangan Anda", invitee.find("h1").getText(), "the invitee's browser speaks Indonesian");
    invitee.find("#password").sendKeys(People.PASSWORD);
    invitee.find("#accept button[type=submit]").click();
    invitee.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Fajar Fasilitator (fasilitator)"));
    assertEquals(List.of(), invitee.consoleErrors());

    browser.get(node.url("/accounts.html"));
    By row = By.cssSelector("tr[data-login='fajar@example.org']");
    browser.waitUntil(ExpectedConditions.presenceOfElementLocated(row));
    browser.waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-login='fajar@example.org'] .toggle-active"))).click();
    browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("tr[data-login='fajar@example.org'] .account-status"), "deactivated"));
    invitee.get(node.url("/"));
    invitee.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Anda belum masuk."));

    browser.get(node.url("/audit.html"));
    browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("filter")));
    browser.find("#action").sendKeys("account.sign-in-failed");
    browser.find("#filter button[type=submit]").click();
    browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#entries tr"), 1));
    assertEquals("account.sign-in-failed", browser.find("#entries tr").getAttribute("data-action"));
    new Select(browser.find("#lang-select")).selectByValue("id");
    browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("h1"), "Log audit"));
  }
}
