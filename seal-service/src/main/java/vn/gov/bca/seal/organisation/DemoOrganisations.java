package vn.gov.bca.seal.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.security.Caller;

/**
 * The demo organisations of the README's accounts ({@code vneid.demo-data.enabled}, {@code ./run}
 * turns it on), recorded once as an officer of Hà Nội would; a restart adds nothing. Not domain code.
 * <ul>
 * <li>{@value #COLLEGE}: a public college of Hà Nội allowed to issue diplomas (so to use embossed
 * seals), headed by {@code daidien.truonghoc} (Đặng Văn Trường).</li>
 * <li>{@value #ASSOCIATION}: an association of Hà Nội without that right, headed by {@code daidien.hoi}
 * (Lý Thị Hoa).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "vneid.demo-data.enabled", havingValue = "true")
class DemoOrganisations {

	static final String COLLEGE = "TC-DEMO0001";

	static final String ASSOCIATION = "TC-DEMO0002";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

	private final Organisations organisations;

	private final OrganisationCategories categories;

	private final Clock clock;

	DemoOrganisations(Organisations organisations, OrganisationCategories categories, Clock clock) {
		this.organisations = organisations;
		this.categories = categories;
		this.clock = clock;
	}

	static Organisations.OrganisationRequest college() {
		return new Organisations.OrganisationRequest("Trường Cao đẳng Công nghệ Thủ đô", "PEOPLES_COMMITTEE_AGENCIES",
				new Organisations.FoundingDocumentRequest("1234/QĐ-UBND", LocalDate.of(2015, 8, 20),
						"Ủy ban nhân dân thành phố Hà Nội"),
				new Address("01", "Phường Cầu Giấy", "Số 8 đường Trần Thái Tông"), AgencyLevel.PROVINCIAL, Boolean.TRUE,
				"Quyết định 1234/QĐ-UBND: trường được cấp bằng tốt nghiệp cao đẳng và chứng chỉ", "036090006666",
				"Đặng Văn Trường");
	}

	static Organisations.OrganisationRequest association() {
		return new Organisations.OrganisationRequest("Hội Cựu giáo chức phường Hoàn Kiếm",
				"ASSOCIATIONS_RELIGIONS_FUNDS_NGOS",
				new Organisations.FoundingDocumentRequest("56/QĐ-UBND", LocalDate.of(2025, 9, 15),
						"Ủy ban nhân dân phường Hoàn Kiếm"),
				new Address("01", "Phường Hoàn Kiếm", "Số 2 phố Lê Thái Tổ"), AgencyLevel.PROVINCIAL, Boolean.FALSE, null,
				"001175008888", "Lý Thị Hoa");
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		Caller officer = new Caller("demo-data", null, 2, Set.of(Caller.OFFICER), "PC06-HN", "01", "demo-data");
		Flux.just(new Object[] { COLLEGE, college() }, new Object[] { ASSOCIATION, association() })
			.concatMap((demo) -> add((String) demo[0], (Organisations.OrganisationRequest) demo[1], officer))
			.subscribe((added) -> log.info("Demo organisation {} added", added.id()),
					(failure) -> log.warn("Demo organisations not added; the next start tries again: {}", failure.toString()));
	}

	private Mono<Organisation> add(String id, Organisations.OrganisationRequest request, Caller officer) {
		return this.organisations.exists(id)
			.flatMap((there) -> there ? Mono.empty()
					: this.organisations.insert(Organisation.register(id, request,
							this.categories.find(request.category()).orElseThrow(), officer, this.clock.instant())));
	}

}
