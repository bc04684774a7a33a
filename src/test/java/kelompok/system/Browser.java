package kelompok.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver (both from Debian's packages, never
 * downloaded). Collects the page's console so tests can assert there were no errors.
 */
public final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("kelompok.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("kelompok.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Opens a new headless browser with an empty profile. */
  public static Browser open() {
    return open("en-US");
  }

  /** Opens a new headless browser with an empty profile and the given preferred language. */
  public static Browser open(String language) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
          + "apt-get install chromium chromium-driver (looked for " + CHROMIUM + " and "
          + CHROMEDRIVER + ")");
    }
    try {
      Path profile = Files.createTempDirectory("kelompok-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
          "--lang=" + language, "--user-data-dir=" + profile);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
          .usingAnyFreePort()
          .build();
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Signs the person in with a session of this browser's own (as if they had signed in here). */
  public void useSessionOf(TestNode node, People.Person person) {
    ApiClient own = new ApiClient(node);
    own.signIn(person.login(), People.PASSWORD);
    driver.get(node.url("/favicon.svg"));
    driver.manage().deleteAllCookies();
    driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder("kelompok.sid",
        own.sessionCookie()).path("/").isHttpOnly(true).build());
  }

  public void get(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  /** Waits (15 s at most) until the condition holds. */
  public <T> T waitUntil(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
  }

  /** Console entries at SEVERE level since the last call (errors, failed loads, CSP refusals). */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
