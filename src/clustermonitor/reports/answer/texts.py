"""The words of the drafted answer, in Dutch (the default, formal) and English.

Sentences are templates filled with figures from the reports; nothing here is a figure.
"""

MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

TEXTS = {
    "nl": {
        "title": "Antwoord op schriftelijke vraag nr. 228 van 23 januari 2019",
        "subtitle": (
            "van Daniëlle Vanwesenbeeck — Innovatieve bedrijfsnetwerken en speerpuntclusters: budgetten (2)"
        ),
        "meta": "Cijfers voor {year}: {status} cijfers, stand van zaken op {as_of}.",
        "everything": "{today} (alle geregistreerde gegevens)",
        "definitive": "definitieve",
        "provisional": "voorlopige",
        "page": "pagina",
        "numbers": "geen één twee drie vier vijf zes zeven acht negen tien elf twaalf",
        "note": "{status} cijfers; stand van zaken op {as_of}.",
        "note_pact": (
            "Definitieve cijfers voor afgesloten jaren, voorlopige voor lopende; stand van zaken op {as_of}."
        ),
        "draft": "ontwerpantwoord",
        "question": "Vraag",
        "status_definitive": (
            "Het gaat om definitieve cijfers voor het volledige jaar {year}: het jaar is afgesloten."
        ),
        "status_provisional": (
            "Het gaat om voorlopige cijfers: het jaar {year} was op {as_of} nog niet afgesloten."
        ),
        "status_open": "Het gaat om voorlopige cijfers: het jaar {year} is nog niet afgesloten.",
        "q1": (
            "Bijkomende middelen boven op het geoormerkte projectbudget: betreft het projectbedragen "
            "of verkregen publieke middelen, wat is hun herkomst en waarom worden deze projecten niet "
            "gesteund op het geoormerkte budget?"
        ),
        "a1": (
            "In {year} werden {projects} projecten goedgekeurd die via andere steuninstrumenten dan het "
            "geoormerkte projectbudget gefinancierd worden (speerpuntclusters en IBN’s samen). Hun totale "
            "projectkost bedraagt {total_cost}; de verkregen publieke steun bedraagt {granted_support}. "
            "Beide bedragen staan hieronder, per instrument (de herkomst van de middelen) en per cluster."
        ),
        "a1_one": (
            "In {year} werd {projects} project goedgekeurd dat via een ander steuninstrument dan het "
            "geoormerkte projectbudget gefinancierd wordt. De totale projectkost bedraagt {total_cost}; de "
            "verkregen publieke steun bedraagt {granted_support}. Beide bedragen staan hieronder, per "
            "instrument (de herkomst van de middelen) en per cluster."
        ),
        "a1_none": "In {year} werden geen projecten via andere steuninstrumenten goedgekeurd.",
        "a1b": (
            "Deze projecten worden niet gesteund op de geoormerkte middelen: die kunnen enkel worden "
            "aangewend voor projecttypes waarover het beslissingscomité bij het Hermesfonds beslist."
        ),
        "a1b_one": (
            "Dit project wordt niet gesteund op de geoormerkte middelen: die kunnen enkel worden "
            "aangewend voor projecttypes waarover het beslissingscomité bij het Hermesfonds beslist."
        ),
        "a1b_via": "De projecten lopen via andere instrumenten: {instruments}.",
        "a1b_via_single": "De projecten lopen alle via {instruments}.",
        "a1b_via_one": "Het project loopt via {instruments}.",
        "and": "en",
        "q2a": "De effectieve vastleggingen in {year} op het budget voor het clusterbeleid.",
        "a2a": (
            "De effectieve vastleggingen in {year} bedragen in totaal {total}, op een budget van {budget}. "
            "Daarvan gaat {spearhead} naar de speerpuntclusters ({operation} voor clusterwerking en "
            "{projects} uit het projectbudget) en {ibn} naar de innovatieve bedrijfsnetwerken (IBN)."
        ),
        "a2a_ibn_only": (
            "De effectieve vastleggingen in {year} bedragen in totaal {total}, op een budget van {budget}; "
            "ze gaan volledig naar de innovatieve bedrijfsnetwerken (IBN)."
        ),
        "a2a_zero": "Op het budget van {budget} voor {year} werden nog geen vastleggingen geboekt.",
        "a2a_empty": "Voor {year} zijn geen budget en geen vastleggingen geregistreerd.",
        "q2b": (
            "Per speerpuntcluster: de toegekende middelen (clusterwerking en projectmiddelen), het aantal "
            "projectaanvragen en goedgekeurde projecten met hun projectbudget, en de andere publieke "
            "middelen."
        ),
        "a2b": (
            "Voor {year} werd aan de {clusters} speerpuntclusters {operation} toegewezen voor clusterwerking "
            "en {projects} aan projectmiddelen."
        ),
        "a2b_one": (
            "Voor {year} werd aan {clusters} speerpuntcluster {operation} toegewezen voor clusterwerking "
            "en {projects} aan projectmiddelen."
        ),
        "a2b_unallocated": "Voor {year} werden aan de speerpuntclusters nog geen middelen toegewezen.",
        "a2b_zero": "Voor {year} is er geen speerpuntcluster met een lopend clusterpact.",
        "a2b_applications": "Er werden {applications} projectaanvragen binnen het projectbudget ingediend",
        "a2b_applications_one": "Er werd {applications} projectaanvraag binnen het projectbudget ingediend",
        "a2b_applications_zero": "Er werden geen projectaanvragen binnen het projectbudget ingediend",
        "a2b_approved": (
            "; {approved} projecten werden goedgekeurd, met een toegekende steun van {support} voor een "
            "totale projectkost van {cost}."
        ),
        "a2b_approved_one": (
            "; {approved} project werd goedgekeurd, met een toegekende steun van {support} voor een "
            "totale projectkost van {cost}."
        ),
        "a2b_approved_zero": "; er werden geen projecten goedgekeurd.",
        "a2b_pool": "Van de niet-toegewezen projectmiddelen ({unallocated}) werd {drawn} aangesproken.",
        "a2b_pool_zero": "Van de niet-toegewezen projectmiddelen ({unallocated}) werd niets aangesproken.",
        "a2b_other": "De speerpuntclusters verkregen daarnaast {other} aan andere publieke middelen.",
        "a2b_other_zero": (
            "Voor {year} zijn geen andere publieke middelen van de speerpuntclusters geregistreerd."
        ),
        "a2b_note": (
            "Een aanvraag telt in het jaar van indiening, een goedkeuring in het jaar van de beslissing; "
            "de goedgekeurde projecten van een jaar zijn dus niet noodzakelijk aanvragen van dat jaar."
        ),
        "q3": (
            "Per speerpuntcluster een overzicht van de jaarlijks beschikbare middelen tijdens de volledige "
            "looptijd van het clusterpact."
        ),
        "a3": (
            "De tabellen geven per speerpuntcluster de jaarlijks toegewezen middelen voor clusterwerking "
            "en voor projecten, voor de jaren waarvoor een budget bestaat ({years})."
        ),
        "a3_zero": (
            "Voor de clusterpacten van de speerpuntclusters is nog voor geen enkel jaar een budget "
            "vastgesteld."
        ),
        "a3_later": "Voor de latere jaren van de pacten is nog geen budget vastgesteld.",
        "a3_status": "Cijfers van afgesloten jaren zijn definitief, die van lopende jaren voorlopig.",
        "q4": "De projectgeneratie door de speerpuntclusters, gelet op de doelstellingen en KPI’s.",
        "a4": (
            "In {year} werd {used} aan geoormerkte middelen benut (netto vastleggingen op het projectbudget "
            "voor speerpuntclusters)."
        ),
        "a4_zero": (
            "In {year} werden geen geoormerkte middelen benut: er zijn geen netto vastleggingen op het "
            "projectbudget voor speerpuntclusters."
        ),
        "a4_approved": (
            "Er werden {approved} projecten binnen het geoormerkte budget goedgekeurd, met een toegekende "
            "steun van {support}."
        ),
        "a4_approved_one": (
            "Er werd {approved} project binnen het geoormerkte budget goedgekeurd, met een toegekende "
            "steun van {support}."
        ),
        "a4_approved_zero": "Er werden geen projecten binnen het geoormerkte budget goedgekeurd.",
        "a4_kpi": "De stand van de KPI’s per cluster staat in het antwoord op vraag 6.",
        "q5": (
            "Specifiek VIL (Vlaams Instituut voor de Logistiek): de steun binnen het geoormerkte "
            "projectbudget."
        ),
        "a5": (
            "Voor {cluster} werden in {year} binnen het geoormerkte projectbudget {projects} projecten "
            "goedgekeurd, met een toegekende steun van {support}."
        ),
        "a5_one": (
            "Voor {cluster} werd in {year} binnen het geoormerkte projectbudget {projects} project "
            "goedgekeurd, "
            "met een toegekende steun van {support}."
        ),
        "a5_zero": (
            "Voor {cluster} werden in {year} binnen het geoormerkte projectbudget geen projecten goedgekeurd."
        ),
        "a5_committed": (
            "De netto vastleggingen op het projectbudget van {cluster} bedragen {committed}, tegenover een "
            "toewijzing van {allocated}."
        ),
        "a5_committed_zero": (
            "Aan {cluster} werden voor {year} geen projectmiddelen toegewezen en er werd niets vastgelegd."
        ),
        "a5_types": "Per projecttype:",
        "a5_none": "Voor {cluster} zijn er voor {year} geen gegevens over het geoormerkte projectbudget.",
        "q6": (
            "Welke KPI’s worden door de speerpuntclusters gehaald en welke niet? Een overzicht per cluster."
        ),
        "a6": "Van de {total} KPI’s met een doelstelling voor {year} {results}",
        "a6_one": "Voor {year} is er {total} KPI met een doelstelling; die {results}",
        "a6_first": "{verb} er {count} {word}",
        "a6_verb": "werden",
        "a6_verb_one": "werd",
        "a6_met": "gehaald",
        "a6_partly": "gedeeltelijk gehaald (minstens 75 % van de doelstelling)",
        "a6_missed": "niet gehaald",
        "a6_no_data": "; voor {no_data} KPI’s zijn nog geen resultaten beschikbaar.",
        "a6_no_data_one": "; voor {no_data} KPI is nog geen resultaat beschikbaar.",
        "a6_no_data_zero": ".",
        "a6_all_no_data": (
            "Van de {total} KPI’s met een doelstelling voor {year} is nog geen resultaat beschikbaar."
        ),
        "a6_all_no_data_one": (
            "Voor {year} is er {total} KPI met een doelstelling; daarvoor is nog geen resultaat beschikbaar."
        ),
        "a6_none": "Voor {year} zijn er geen KPI-doelstellingen van speerpuntclusters geregistreerd.",
        "a6_missing": "Voor {clusters} zijn voor {year} geen KPI-doelstellingen geregistreerd.",
        "a6_others": (
            "De innovatieve bedrijfsnetwerken hebben daarnaast {others} KPI’s met een doelstelling; "
            "die zijn niet in dit overzicht opgenomen."
        ),
        "a6_others_one": (
            "De innovatieve bedrijfsnetwerken hebben daarnaast {others} KPI met een doelstelling; "
            "die is niet in dit overzicht opgenomen."
        ),
        "t_other_instrument": "Andere publieke middelen per instrument",
        "t_pact_clusters": "Toegewezen middelen per cluster over het hele clusterpact",
        "t_pact_years": "Toegewezen middelen per cluster en per jaar",
        "t_used": "Benutte geoormerkte projectmiddelen",
        "title_q": "Antwoord op schriftelijke vraag nr. {number} van {date}",
        "subtitle_q": "van {asker} — {title}",
        "meta_q": "Stand van zaken op {as_of}.",
        "prose_missing": "[Hier schrijft de analist het antwoord.]",
        "support": "Ter ondersteuning: de cijfers van het dichtstbijzijnde rapport.",
        "reconstruction": "Reconstructie uit wat latere vragen erover zeggen.",
        "t_instrument": "Andere publieke middelen per instrument",
        "t_cluster_instrument": "Andere publieke middelen per cluster en instrument",
        "t_envelopes": "Budget en vastleggingen per enveloppe",
        "t_resources": "Toegekende middelen en vastleggingen per speerpuntcluster",
        "t_projects": "Projectaanvragen, goedgekeurde projecten en andere publieke middelen",
        "t_pool": "Niet-toegewezen projectmiddelen",
        "t_pact_operation": "Toegewezen middelen voor clusterwerking per jaar",
        "t_pact_projects": "Toegewezen projectmiddelen per jaar",
        "t_generation": "Goedgekeurde projecten en benutte middelen per cluster",
        "t_types": "Goedgekeurde projecten per cluster en projecttype",
        "t_vil": "VIL: goedgekeurde projecten per projecttype",
        "t_kpi_clusters": "KPI’s per cluster",
        "t_kpis": "KPI’s: doelstelling en resultaat",
        "none": "(geen)",
    },
    "en": {
        "title": "Answer to written question no. 228 of 23 January 2019",
        "subtitle": (
            "by Daniëlle Vanwesenbeeck — Innovative business networks and spearhead clusters: budgets (2)"
        ),
        "meta": "Figures for {year}: {status} figures, as of {as_of}.",
        "everything": "{today} (everything stored)",
        "definitive": "definitive",
        "provisional": "provisional",
        "page": "page",
        "numbers": "no one two three four five six seven eight nine ten eleven twelve",
        "note": "{status} figures, as of {as_of}.",
        "note_pact": "Definitive figures for closed years, provisional for open years; as of {as_of}.",
        "draft": "draft answer",
        "question": "Question",
        "status_definitive": "These are definitive figures for the whole year {year}: the year is closed.",
        "status_provisional": "These are provisional figures: the year {year} was not yet closed on {as_of}.",
        "status_open": "These are provisional figures: the year {year} is not yet closed.",
        "q1": (
            "Additional resources beyond the earmarked project budget: project amounts or public support "
            "received, where do they come from, and why are these projects not funded from the earmarked "
            "budget?"
        ),
        "a1": (
            "In {year}, {projects} projects funded through support instruments other than the earmarked "
            "project budget were approved (spearhead clusters and IBNs together). Their total project cost "
            "is {total_cost}; the public support received is {granted_support}. Both amounts are shown "
            "below, per instrument (where the resources come from) and per cluster."
        ),
        "a1_one": (
            "In {year}, {projects} project funded through a support instrument other than the earmarked "
            "project budget was approved. Its total project cost is {total_cost}; the public support "
            "received is {granted_support}. Both amounts are shown below, per instrument (where the "
            "resources come from) and per cluster."
        ),
        "a1_none": "In {year}, no projects were approved through other support instruments.",
        "a1b": (
            "These projects are not funded from the earmarked resources, which can only fund project types "
            "decided on by the Hermesfonds decision committee."
        ),
        "a1b_one": (
            "This project is not funded from the earmarked resources, which can only fund project types "
            "decided on by the Hermesfonds decision committee."
        ),
        "a1b_via": "The projects run through other instruments: {instruments}.",
        "a1b_via_single": "The projects all run through {instruments}.",
        "a1b_via_one": "The project runs through {instruments}.",
        "and": "and",
        "q2a": "The effective commitments in {year} on the cluster policy budget.",
        "a2a": (
            "The effective commitments in {year} total {total}, on a budget of {budget}: {spearhead} for the "
            "spearhead clusters ({operation} for cluster operation and {projects} from the project budget) "
            "and {ibn} for the innovative business networks (IBN)."
        ),
        "a2a_ibn_only": (
            "The effective commitments in {year} total {total}, on a budget of {budget}, all for the "
            "innovative business networks (IBN)."
        ),
        "a2a_zero": "No commitments have been booked yet on the budget of {budget} for {year}.",
        "a2a_empty": "No budget and no commitments are stored for {year}.",
        "q2b": (
            "Per spearhead cluster: the resources allocated (operation and projects), the number of project "
            "applications and approved projects with their budget, and other public funding."
        ),
        "a2b": (
            "For {year}, the {clusters} spearhead clusters were allocated {operation} for cluster operation "
            "and {projects} for projects."
        ),
        "a2b_one": (
            "For {year}, {clusters} spearhead cluster was allocated {operation} for cluster operation "
            "and {projects} for projects."
        ),
        "a2b_unallocated": "For {year}, no resources have been allocated yet to the spearhead clusters.",
        "a2b_zero": "No spearhead cluster has a cluster pact running in {year}.",
        "a2b_applications": "Within the project budget, {applications} project applications were submitted",
        "a2b_applications_one": "Within the project budget, {applications} project application was submitted",
        "a2b_applications_zero": "Within the project budget, no project applications were submitted",
        "a2b_approved": (
            "; {approved} projects were approved, with {support} of support granted for a total project "
            "cost of {cost}."
        ),
        "a2b_approved_one": (
            "; {approved} project was approved, with {support} of support granted for a total project "
            "cost of {cost}."
        ),
        "a2b_approved_zero": "; no projects were approved.",
        "a2b_pool": "Of the unallocated project resources ({unallocated}), {drawn} was drawn.",
        "a2b_pool_zero": "None of the unallocated project resources ({unallocated}) was drawn.",
        "a2b_other": "The spearhead clusters also obtained {other} of other public funding.",
        "a2b_other_zero": "No other public funding of the spearhead clusters is stored for {year}.",
        "a2b_note": (
            "An application counts in the year it was submitted, an approval in the year of the decision; "
            "a year's approved projects are therefore not necessarily that year's applications."
        ),
        "q3": (
            "Per spearhead cluster, the resources available each year over the whole term of the "
            "cluster pact."
        ),
        "a3": (
            "The tables show, per spearhead cluster, the resources allocated each year for cluster operation "
            "and for projects, for the years that have a budget ({years})."
        ),
        "a3_zero": "No budget has been set yet for any year of the spearhead clusters' pacts.",
        "a3_later": "No budget has been set yet for the later years of the pacts.",
        "a3_status": "Figures of closed years are definitive, those of open years provisional.",
        "q4": "Project generation by the spearhead clusters, in the light of the objectives and KPIs.",
        "a4": (
            "In {year}, {used} of earmarked resources was used (net commitments on the spearhead project "
            "budget)."
        ),
        "a4_zero": (
            "In {year}, no earmarked resources were used: there are no net commitments on the spearhead "
            "project budget."
        ),
        "a4_approved": (
            "Within the earmarked budget, {approved} projects were approved, with {support} of support "
            "granted."
        ),
        "a4_approved_one": (
            "Within the earmarked budget, {approved} project was approved, with {support} of support granted."
        ),
        "a4_approved_zero": "No projects were approved within the earmarked budget.",
        "a4_kpi": "The KPIs per cluster are in the answer to question 6.",
        "q5": (
            "VIL (Flemish Institute for Logistics) specifically: support within the earmarked project budget."
        ),
        "a5": (
            "For {cluster}, {projects} projects were approved within the earmarked project budget in "
            "{year}, with "
            "{support} of support granted."
        ),
        "a5_one": (
            "For {cluster}, {projects} project was approved within the earmarked project budget in "
            "{year}, with "
            "{support} of support granted."
        ),
        "a5_zero": "For {cluster}, no projects were approved within the earmarked project budget in {year}.",
        "a5_committed": (
            "{cluster}'s net commitments on the project budget are {committed}, against an allocation of "
            "{allocated}."
        ),
        "a5_committed_zero": (
            "{cluster} was allocated no project resources for {year} and nothing was committed."
        ),
        "a5_types": "Per project type:",
        "a5_none": "There are no figures on the earmarked project budget for {cluster} in {year}.",
        "q6": "Which KPIs do the spearhead clusters meet and which not? An overview per cluster.",
        "a6": "Of the {total} KPIs with a target for {year}, {results}",
        "a6_one": "For {year}, {total} KPI has a target; it {results}",
        "a6_first": "{count} {verb} {word}",
        "a6_verb": "were",
        "a6_verb_one": "was",
        "a6_met": "met",
        "a6_partly": "partly met (at least 75% of the target)",
        "a6_missed": "missed",
        "a6_no_data": "; {no_data} have no result yet.",
        "a6_no_data_one": "; {no_data} has no result yet.",
        "a6_no_data_zero": ".",
        "a6_all_no_data": "None of the {total} KPIs with a target for {year} has a result yet.",
        "a6_all_no_data_one": "For {year}, {total} KPI has a target; it has no result yet.",
        "a6_none": "No KPI targets of spearhead clusters are stored for {year}.",
        "a6_missing": "No KPI targets are stored for {clusters} for {year}.",
        "a6_others": (
            "The innovative business networks have {others} more KPIs with a target; "
            "they are not included in this overview."
        ),
        "a6_others_one": (
            "The innovative business networks have {others} more KPI with a target; "
            "it is not included in this overview."
        ),
        "t_other_instrument": "Other public funding per instrument",
        "t_pact_clusters": "Resources allocated per cluster over the whole cluster pact",
        "t_pact_years": "Resources allocated per cluster and year",
        "t_used": "Earmarked project resources used",
        "title_q": "Answer to written question no. {number} of {date}",
        "subtitle_q": "by {asker} — {title}",
        "meta_q": "Situation as of {as_of}.",
        "prose_missing": "[The analyst writes the answer here.]",
        "support": "In support: the figures of the nearest report.",
        "reconstruction": "Reconstructed from what later questions say of it.",
        "t_instrument": "Other public funding per instrument",
        "t_cluster_instrument": "Other public funding per cluster and instrument",
        "t_envelopes": "Budget and commitments per envelope",
        "t_resources": "Resources allocated and committed per spearhead cluster",
        "t_projects": "Applications, approved projects and other public funding",
        "t_pool": "Unallocated project resources",
        "t_pact_operation": "Resources allocated for cluster operation per year",
        "t_pact_projects": "Project resources allocated per year",
        "t_generation": "Approved projects and resources used per cluster",
        "t_types": "Approved projects per cluster and project type",
        "t_vil": "VIL: approved projects per project type",
        "t_kpi_clusters": "KPIs per cluster",
        "t_kpis": "KPIs: target and result",
        "none": "(none)",
    },
}

HEADERS = {
    "nl": {
        "cluster": "cluster", "name": "naam", "envelope": "enveloppe", "budget": "budget",
        "allocated": "toegewezen", "unallocated": "niet toegewezen", "committed": "vastgelegd",
        "paid": "vereffend", "available": "beschikbaar", "allocated_operation": "toegewezen werking",
        "allocated_projects": "toegewezen projecten", "committed_operation": "vastgelegd werking",
        "committed_projects": "vastgelegd projecten", "drawn_from_pool": "uit niet-toegewezen",
        "applications": "aanvragen", "approved": "goedgekeurd", "approved_support": "toegekende steun",
        "approved_total_cost": "totale projectkost", "other_public_funding": "andere publieke middelen",
        "type": "type", "instrument": "instrument", "projects": "projecten",
        "total_cost": "totale projectkost",
        "granted_support": "publieke steun", "average_support": "gemiddelde steun", "kpi": "KPI",
        "kind": "soort", "target": "doelstelling", "value": "resultaat", "ratio": "verhouding",
        "status": "status", "drawn": "aangesproken", "remaining": "resterend", "met": "gehaald",
        "partly": "gedeeltelijk", "missed": "niet gehaald", "no_data": "geen gegevens", "year": "jaar",
        "pact": "looptijd pact", "total": "totaal",
    },
    "en": {
        "drawn_from_pool": "drawn from pool", "approved_support": "support granted",
        "approved_total_cost": "total project cost", "other_public_funding": "other public funding",
        "total_cost": "total project cost", "granted_support": "public support", "no_data": "no data",
        "allocated_operation": "allocated operation", "allocated_projects": "allocated projects",
        "committed_operation": "committed operation", "committed_projects": "committed projects",
        "average_support": "average support", "pact": "pact term", "kpi": "KPI",
    },
}  # fmt: skip

VALUES = {
    "nl": {
        "total": "totaal", "spearhead_operation": "speerpuntclusters: clusterwerking",
        "spearhead_projects": "speerpuntclusters: projecten", "spearhead": "speerpuntclusters",
        "ibn": "IBN", "met": "gehaald", "partly": "gedeeltelijk", "missed": "niet gehaald",
        "no_data": "geen gegevens", "definitive": "definitief", "provisional": "voorlopig",
        "planned": "gepland",
    },
    "en": {
        "spearhead_operation": "spearhead clusters: operation",
        "spearhead_projects": "spearhead clusters: projects",
        "spearhead": "spearhead clusters", "ibn": "IBN", "no_data": "no data",
    },
}  # fmt: skip
