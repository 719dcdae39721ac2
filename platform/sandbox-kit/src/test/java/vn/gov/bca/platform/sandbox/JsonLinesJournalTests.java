package vn.gov.bca.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sandbox wrote is read back in order after a restart, even after a write a crash cut short. */
class JsonLinesJournalTests {

	@TempDir
	Path folder;

	@Test
	void theLinesComeBackInOrderAndACutShortLineStaysApartFromTheNext() throws Exception {
		Path file = this.folder.resolve("data/journal.jsonl");
		try (JsonLinesJournal journal = JsonLinesJournal.open(file)) {
			journal.append(List.of("{\"n\":1}", "{\"n\":2}"));
		}
		// A crash in the middle of a write: the last line has no end.
		Files.writeString(file, "{\"n\":3", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		try (JsonLinesJournal journal = JsonLinesJournal.open(file)) {
			journal.append(List.of("{\"n\":4}"));
			assertThat(journal.lines()).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3", "{\"n\":4}");
			assertThatThrownBy(() -> journal.append(List.of("{\n}"))).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void whatACallerSentIsShownNotRun() {
		assertThat(Html.escape("<script>alert('x')</script> & \"q\"")).isEqualTo(
				"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
	}

}
