//! The works the crate cites, in key order.
//!
//! Each identifier was looked for on the publisher's or the index's own record
//! (PubMed, PubMed Central, the publisher's page for the work, a library or
//! research-index record), and each entry's `note` says on which record its
//! identifiers were seen. Where the index's own page could not be reached, an
//! identifier is given only if copies of that record (mirrors of PubMed,
//! PubMed-derived readers) and independent reference lists agree on it and on
//! the journal, volume and pages; the note then says so, and that the primary
//! record was not reached. Where not even that holds, the field is `None` and
//! the note says what was tried. A note also records any correction to a
//! citation that circulates in a wrong form.

use super::reference::{Reference, ReferenceKind};

use ReferenceKind::{Article, Book, Chapter, Document, EditedBook};

/// The key of the Casebook, which its chapters name as `part_of`.
const CASEBOOK: &str = "markowitz-weissman-2012-casebook";

/// Every entry, sorted by key; keys are unique (tested).
pub(super) const ENTRIES: &[Reference] = &[
    Reference {
        container: Some("Biol Psychiatry"),
        volume: Some("42"),
        issue: Some("10"),
        pages: Some("948–955"),
        doi: Some("10.1016/S0006-3223(96)00548-3"),
        pmid: Some("9359982"),
        note: Some(
            "The publisher's page for the article is addressed by its PII, \
             S0006-3223(96)00548-3; two independent reference lists give the DOI \
             10.1016/S0006-3223(96)00548-3 with 42(10):948–955. The DOI itself was not seen on \
             the publisher's or Crossref's record. PMID seen only on a PubMed-derived reader \
             (QxMD); PubMed's own page was not reached.",
        ),
        ..Reference::new(
            "altman-1997-asrm",
            Article,
            &["Altman EG", "Hedeker D", "Peterson JL", "Davis JM"],
            1997,
            "The Altman Self-Rating Mania Scale",
        )
    },
    Reference {
        edition: Some("5th ed., text revision"),
        publisher: Some("American Psychiatric Association Publishing"),
        note: Some(
            "DSM-5-TR; adds prolonged grief disorder. ISBN and DOI not given: neither the \
             publisher's catalogue (APA Publishing) nor its PsychiatryOnline record was \
             reached. Many independent reference lists cite the DOI \
             10.1176/appi.books.9780890425787.",
        ),
        ..Reference::new(
            "apa-2022-dsm5tr",
            Book,
            &["American Psychiatric Association"],
            2022,
            "Diagnostic and Statistical Manual of Mental Disorders",
        )
    },
    Reference {
        container: Some("Ann Fam Med"),
        volume: Some("8"),
        issue: Some("4"),
        pages: Some("348–353"),
        pmcid: Some("PMC2906530"),
        note: Some("The publisher's page shows 8(4):348; the last page is not printed there."),
        ..Reference::new(
            "arroll-2010-phq",
            Article,
            &[
                "Arroll B",
                "Goodyear-Smith F",
                "Crengle S",
                "Gunn J",
                "Kerse N",
                "Fishman T",
                "Falloon K",
                "Hatcher S",
            ],
            2010,
            "Validation of PHQ-2 and PHQ-9 to screen for major depression in the primary care \
             population",
        )
    },
    Reference {
        container: Some("J Clin Psychiatry"),
        doi: Some("10.4088/JCP.08m04784blu"),
        note: Some(
            "Often cited as J Clin Psychol 65(4):475–483; the publisher's page \
             (psychiatrist.com) shows J Clin Psychiatry, the title and authors, published 15 \
             December 2009, but its stored copy does not print the DOI. DOI as printed on a \
             copy of the PubMed record (PMID 20141705) and on research-index records; \
             PubMed's own page was not reached, so the PMID is not given. Volume and pages \
             not confirmed.",
        ),
        ..Reference::new(
            "bockting-2009-preventive-ct",
            Article,
            &[
                "Bockting CLH",
                "Spinhoven P",
                "Wouters LF",
                "Koeter MWJ",
                "Schene AH",
            ],
            2009,
            "Long-term effects of preventive cognitive therapy in recurrent depression: a 5.5-year \
             follow-up study",
        )
    },
    Reference {
        container: Some("Br J Psychiatry"),
        volume: Some("216"),
        issue: Some("4"),
        pages: Some("222–230"),
        doi: Some("10.1192/bjp.2019.265"),
        pmid: Some("32029012"),
        note: Some(
            "A randomised trial of once- against twice-weekly sessions of CBT and IPT for \
             depression (at most 20 sessions over 16 to 24 weeks). PMID, DOI, volume and pages \
             seen on the PubMed record; authors on the publisher's page.",
        ),
        ..Reference::new(
            "bruijniks-2020-session-frequency",
            Article,
            &[
                "Bruijniks SJE",
                "Lemmens LHJM",
                "Hollon SD",
                "Peeters FPML",
                "Cuijpers P",
                "Arntz A",
                "Dingemanse P",
                "Willems L",
                "van Oppen P",
                "Twisk JWR",
                "van den Boogaard M",
                "Spijker J",
                "Bosmans J",
                "Huibers MJH",
            ],
            2020,
            "The effects of once- versus twice-weekly sessions on psychotherapy outcomes in \
             depressed patients",
        )
    },
    Reference {
        container: Some("Acta Psychiatr Scand"),
        volume: Some("109"),
        pages: Some("325–331"),
        doi: Some("10.1111/j.1600-0447.2004.00301.x"),
        note: Some(
            "DOI seen only on a research-index record (zendy.io); the publisher's page (Wiley \
             Online Library) was not reached. Journal, volume and pages as printed on a copy \
             of the article and in the publisher's reference list of a later paper, which does \
             not print the DOI. Issue not confirmed.",
        ),
        ..Reference::new(
            "cuijpers-smit-2004-subthreshold",
            Article,
            &["Cuijpers P", "Smit F"],
            2004,
            "Subthreshold depression as a risk indicator for major depressive disorder: a \
             systematic review of prospective studies",
        )
    },
    Reference {
        publisher: Some("Routledge"),
        isbn: Some("9781138024182"),
        doi: Some("10.4324/9781315744124"),
        note: Some(
            "ISBN (hardback) and table of contents seen on the publisher's page for the book; \
             the DOI of the ebook (ISBN 9781315744124) seen on a chapter page of the \
             publisher's platform (Taylor & Francis).",
        ),
        ..Reference::new(
            "dimaggio-2015-mit",
            Book,
            &["Dimaggio G", "Montano A", "Popolo R", "Salvatore G"],
            2015,
            "Metacognitive Interpersonal Therapy for Personality Disorders: A Treatment Manual",
        )
    },
    Reference {
        publisher: Some("Routledge"),
        isbn: Some("9780367367039"),
        doi: Some("10.4324/9780429350894"),
        note: Some(
            "ISBN and table of contents seen on the publisher's page for the book (CRC \
             Press/Routledge); the DOI of the ebook (ISBN 9780429350894) seen on a chapter page \
             of the publisher's platform (Taylor & Francis).",
        ),
        ..Reference::new(
            "dimaggio-2020-mit",
            Book,
            &["Dimaggio G", "Ottavi P", "Popolo R", "Salvatore G"],
            2020,
            "Metacognitive Interpersonal Therapy: Body, Imagery and Change",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("46"),
        issue: Some("11"),
        pages: Some("971–982"),
        doi: Some("10.1001/archpsyc.1989.01810110013002"),
        ..Reference::new(
            "elkin-1989-tdcrp",
            Article,
            &[
                "Elkin I",
                "Shea MT",
                "Watkins JT",
                "Imber SD",
                "Sotsky SM",
                "Collins JF",
                "Glass DR",
                "Pilkonis PA",
                "Leber WR",
                "Docherty JP",
                "Fiester SJ",
                "Parloff MB",
            ],
            1989,
            "National Institute of Mental Health Treatment of Depression Collaborative Research \
             Program: general effectiveness of treatments",
        )
    },
    Reference {
        et_al: true,
        container: Some("Arch Gen Psychiatry"),
        volume: Some("47"),
        issue: Some("12"),
        pages: Some("1093–1099"),
        doi: Some("10.1001/archpsyc.1990.01810240013002"),
        pmid: Some("2244793"),
        note: Some("PMID, DOI, volume, issue and pages confirmed on the PubMed record."),
        ..Reference::new(
            "frank-1990-three-year-outcomes",
            Article,
            &["Frank E", "Kupfer DJ", "Perel JM"],
            1990,
            "Three-year outcomes for maintenance therapies in recurrent depression",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("48"),
        issue: Some("9"),
        pages: Some("851–855"),
        doi: Some("10.1001/archpsyc.1991.01810330075011"),
        pmid: Some("1929776"),
        note: Some(
            "PMID and DOI confirmed on the PubMed record; volume, issue, pages and DOI on the \
             publisher's page (JAMA Network).",
        ),
        ..Reference::new(
            "frank-1991-consensus-definitions",
            Article,
            &[
                "Frank E",
                "Prien RF",
                "Jarrett RB",
                "Keller MB",
                "Kupfer DJ",
                "Lavori PW",
                "Rush AJ",
                "Weissman MM",
            ],
            1991,
            "Conceptualization and rationale for consensus definitions of terms in major \
             depressive disorder: remission, recovery, relapse, and recurrence",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("48"),
        issue: Some("12"),
        pages: Some("1053–1059"),
        doi: Some("10.1001/archpsyc.1991.01810360017002"),
        pmid: Some("1845438"),
        note: Some(
            "Erratum: Arch Gen Psychiatry 1992;49(5):401. PMID, DOI, volume, issue and pages \
             as printed on two copies of the PubMed record; DOI, volume, issue and pages also \
             on a university research record (FIU Discovery). PubMed's and the publisher's own \
             pages were not reached.",
        ),
        ..Reference::new(
            "frank-1991-maintenance-ipt",
            Article,
            &[
                "Frank E",
                "Kupfer DJ",
                "Wagner EF",
                "McEachran AB",
                "Cornes C",
            ],
            1991,
            "Efficacy of interpersonal psychotherapy as a maintenance treatment of recurrent \
             depression: contributing factors",
        )
    },
    Reference {
        publisher: Some("Guilford Press"),
        ..Reference::new(
            "frank-2005-ipsrt",
            Book,
            &["Frank E"],
            2005,
            "Treating Bipolar Disorder: A Clinician's Guide to Interpersonal and Social Rhythm \
             Therapy",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("62"),
        issue: Some("9"),
        pages: Some("996–1004"),
        doi: Some("10.1001/archpsyc.62.9.996"),
        pmid: Some("16143731"),
        note: Some(
            "PMID and DOI confirmed on the PubMed record (PMID 16143731). Volume, issue and \
             pages from the domain reference; the DOI encodes 62(9):996.",
        ),
        ..Reference::new(
            "frank-2005-ipsrt-trial",
            Article,
            &[
                "Frank E",
                "Kupfer DJ",
                "Thase ME",
                "Mallinger AG",
                "Swartz HA",
                "Fagiolini AM",
                "Grochocinski V",
                "Houck P",
                "Scott J",
                "Thompson W",
                "Monk T",
            ],
            2005,
            "Two-year outcomes for interpersonal and social rhythm therapy in individuals with \
             bipolar I disorder",
        )
    },
    Reference {
        container: Some("Am J Psychiatry"),
        volume: Some("164"),
        issue: Some("5"),
        pages: Some("761–767"),
        doi: Some("10.1176/ajp.2007.164.5.761"),
        pmid: Some("17475735"),
        pmcid: Some("PMC3579577"),
        ..Reference::new(
            "frank-2007-maintenance-frequency",
            Article,
            &[
                "Frank E",
                "Kupfer DJ",
                "Buysse DJ",
                "Swartz HA",
                "Pilkonis PA",
                "Houck PR",
                "Rucci P",
                "Novick DM",
                "Grochocinski VJ",
                "Stapf DM",
            ],
            2007,
            "Randomized trial of weekly, twice-monthly, and monthly interpersonal psychotherapy \
             as maintenance treatment for women with recurrent depression",
        )
    },
    Reference {
        container: Some("Psychiatr Serv"),
        volume: Some("60"),
        issue: Some("3"),
        pages: Some("313–321"),
        doi: Some("10.1176/ps.2009.60.3.313"),
        pmid: Some("19252043"),
        pmcid: Some("PMC3032494"),
        ..Reference::new(
            "grote-2009-brief-ipt-perinatal",
            Article,
            &[
                "Grote NK",
                "Swartz HA",
                "Geibel SL",
                "Zuckoff A",
                "Houck PR",
                "Frank E",
            ],
            2009,
            "A randomized controlled trial of culturally relevant, brief interpersonal \
             psychotherapy for perinatal depression",
        )
    },
    Reference {
        container: Some("Behav Res Ther"),
        volume: Some("51"),
        issue: Some("9"),
        pages: Some("597–606"),
        doi: Some("10.1016/j.brat.2013.06.004"),
        pmid: Some("23872702"),
        note: Some(
            "The NHS Talking Therapies (IAPT) definitions of caseness, reliable improvement and \
             recovery.",
        ),
        ..Reference::new(
            "gyani-2013-iapt-recovery",
            Article,
            &["Gyani A", "Shafran R", "Layard R", "Clark DM"],
            2013,
            "Enhancing recovery rates: lessons from year one of IAPT",
        )
    },
    Reference {
        container: Some("J Neurol Neurosurg Psychiatry"),
        volume: Some("23"),
        pages: Some("56–62"),
        ..Reference::new(
            "hamilton-1960-hamd",
            Article,
            &["Hamilton M"],
            1960,
            "A rating scale for depression",
        )
    },
    Reference {
        container: Some("J Consult Clin Psychol"),
        volume: Some("59"),
        issue: Some("1"),
        pages: Some("12–19"),
        doi: Some("10.1037//0022-006x.59.1.12"),
        pmid: Some("2002127"),
        note: Some(
            "PMID and DOI as printed on a proxied copy of the PubMed page; the DOI, with \
             59(1):12–19, agrees in many independent reference lists (the documentation of \
             several R packages, an OpenAlex-based record), one of which also gives the PMID. \
             PubMed's and the publisher's (APA PsycNet) own pages were not reached.",
        ),
        ..Reference::new(
            "jacobson-truax-1991-clinical-significance",
            Article,
            &["Jacobson NS", "Truax P"],
            1991,
            "Clinical significance: a statistical approach to defining meaningful change in \
             psychotherapy research",
        )
    },
    Reference {
        publisher: Some("Basic Books"),
        ..Reference::new(
            "klerman-1984-ipt-depression",
            Book,
            &["Klerman GL", "Weissman MM", "Rounsaville BJ", "Chevron ES"],
            1984,
            "Interpersonal Psychotherapy of Depression",
        )
    },
    Reference {
        container: Some("J Gen Intern Med"),
        volume: Some("16"),
        issue: Some("9"),
        pages: Some("606–613"),
        doi: Some("10.1046/j.1525-1497.2001.016009606.x"),
        pmid: Some("11556941"),
        pmcid: Some("PMC1495268"),
        note: Some("PMID, PMCID and DOI confirmed on the PubMed record (PMID 11556941)."),
        ..Reference::new(
            "kroenke-2001-phq9",
            Article,
            &["Kroenke K", "Spitzer RL", "Williams JBW"],
            2001,
            "The PHQ-9: validity of a brief depression severity measure",
        )
    },
    Reference {
        container: Some("Med Care"),
        volume: Some("41"),
        issue: Some("11"),
        pages: Some("1284–1292"),
        doi: Some("10.1097/01.MLR.0000093487.78664.3C"),
        pmid: Some("14583691"),
        note: Some(
            "Volume, issue and pages from the authors' university research record (Indiana \
             University, Pure). PMID and DOI as printed on a copy of the PubMed record (a \
             university's public mirror of PubMed's page for 14583691) and, with the same \
             journal, volume and pages, in several independent reference lists; PubMed's and \
             the publisher's own pages were not reached.",
        ),
        ..Reference::new(
            "kroenke-2003-phq2",
            Article,
            &["Kroenke K", "Spitzer RL", "Williams JBW"],
            2003,
            "The Patient Health Questionnaire-2: validity of a two-item depression screener",
        )
    },
    Reference {
        container: Some("Ann Intern Med"),
        volume: Some("146"),
        issue: Some("5"),
        pages: Some("317–325"),
        doi: Some("10.7326/0003-4819-146-5-200703060-00004"),
        pmid: Some("17339617"),
        note: Some(
            "DOI from the publisher's page (ACP Journals); volume, issue and pages from a \
             university research record (UKE Hamburg) and the citation in Evid Based Med \
             2007;12:149. The abstract does not print the GAD-2 cut-off of 3. PMID as printed \
             on copies of the PubMed record (a mirror, and QxMD) and in an independent \
             reference list; PubMed's own page was not reached.",
        ),
        ..Reference::new(
            "kroenke-2007-anxiety",
            Article,
            &[
                "Kroenke K",
                "Spitzer RL",
                "Williams JBW",
                "Monahan PO",
                "Löwe B",
            ],
            2007,
            "Anxiety disorders in primary care: prevalence, impairment, comorbidity, and \
             detection",
        )
    },
    Reference {
        container: Some("Psychosomatics"),
        volume: Some("50"),
        issue: Some("6"),
        pages: Some("613–621"),
        doi: Some("10.1176/appi.psy.50.6.613"),
        pmid: Some("19996233"),
        note: Some(
            "PMID, DOI, volume, issue and pages (50(6):613–21) confirmed on the PubMed record. \
             The bands and the subscale cut-off are printed by the NINDS Common Data Elements \
             record for the PHQ-4, which cites this article.",
        ),
        ..Reference::new(
            "kroenke-2009-phq4",
            Article,
            &["Kroenke K", "Spitzer RL", "Williams JBW", "Löwe B"],
            2009,
            "An ultra-brief screening scale for anxiety and depression: the PHQ-4",
        )
    },
    Reference {
        container: Some("J Affect Disord"),
        volume: Some("114"),
        issue: Some("1–3"),
        pages: Some("163–173"),
        doi: Some("10.1016/j.jad.2008.06.026"),
        pmid: Some("18752852"),
        note: Some(
            "DOI and PMID as printed on copies of the PubMed record (a mirror, and wilddata) \
             and on ResearchGate's record taken from PubMed; the DOI, with 114(1–3):163–173, \
             agrees in several independent reference lists. PubMed's and the publisher's own \
             pages were not reached.",
        ),
        ..Reference::new(
            "kroenke-2009-phq8",
            Article,
            &[
                "Kroenke K",
                "Strine TW",
                "Spitzer RL",
                "Williams JBW",
                "Berry JT",
                "Mokdad AH",
            ],
            2009,
            "The PHQ-8 as a measure of current depression in the general population",
        )
    },
    Reference {
        part_of: Some(CASEBOOK),
        chapter: Some("2"),
        doi: Some("10.1093/med:psych/9780199746903.003.0002"),
        note: Some(
            "Author (Roslyn Law), chapter number and DOI confirmed on the publisher's chapter \
             page (Oxford Clinical Psychology).",
        ),
        ..Reference::new(
            "law-2012-complicated-grief",
            Chapter,
            &["Law R"],
            2012,
            "Complicated grief",
        )
    },
    Reference {
        container: Some("Clin Psychol Rev"),
        volume: Some("33"),
        issue: Some("8"),
        pages: Some("1134–1147"),
        doi: Some("10.1016/j.cpr.2013.09.002"),
        pmid: Some("24100081"),
        pmcid: Some("PMC4109031"),
        note: Some("Sometimes cited as 33(2):113–125; the PMC record shows 33(8):1134–1147."),
        ..Reference::new(
            "lipsitz-markowitz-2013-mechanisms",
            Article,
            &["Lipsitz JD", "Markowitz JC"],
            2013,
            "Mechanisms of change in interpersonal therapy (IPT)",
        )
    },
    Reference {
        container: Some("Psychol Res Behav Manag"),
        volume: Some("11"),
        doi: Some("10.2147/PRBM.S146446"),
        pmcid: Some("PMC6130286"),
        note: Some(
            "PMCID and abstract seen on PubMed Central; DOI and volume seen on a copy of the \
             article's first page: confirm on the publisher's page. Pages not confirmed.",
        ),
        ..Reference::new(
            "lysaker-2018-metacognitive-approaches",
            Article,
            &["Lysaker PH", "Gagen E", "Moritz S", "Schweitzer RD"],
            2018,
            "Metacognitive approaches to the treatment of psychosis: a comparison of four \
             approaches",
        )
    },
    Reference {
        publisher: Some("Oxford University Press"),
        isbn: Some("9780190465599"),
        doi: Some("10.1093/med:psych/9780190465599.001.0001"),
        note: Some(
            "Its appendix, \"A Pocket Guide to IPT\", is cited with this key (the appendix's \
             place in the book is from the domain reference: confirm in OUP's table of \
             contents). Copyright page 2017; published July 2016. ISBN 9780190465599 (paper) \
             confirmed on a research index's record of the book, beside 9780190465605, and in \
             its Library of Congress CIP data (LCCN 2016019641). DOI printed on a university \
             library's catalogue record (Summon) beside both ISBNs; OUP's own page (Oxford \
             Clinical Psychology) was not reached.",
        ),
        ..Reference::new(
            "markowitz-2016-ptsd",
            Book,
            &["Markowitz JC"],
            2016,
            "Interpersonal Psychotherapy for Posttraumatic Stress Disorder",
        )
    },
    Reference {
        container: Some("World Psychiatry"),
        volume: Some("3"),
        issue: Some("3"),
        pages: Some("136–139"),
        pmid: Some("16633477"),
        ..Reference::new(
            "markowitz-weissman-2004-world-psychiatry",
            Article,
            &["Markowitz JC", "Weissman MM"],
            2004,
            "Interpersonal psychotherapy: principles and applications",
        )
    },
    Reference {
        publisher: Some("Oxford University Press"),
        isbn: Some("9780199746903"),
        doi: Some("10.1093/med:psych/9780199746903.001.0001"),
        ..Reference::new(
            CASEBOOK,
            EditedBook,
            &["Markowitz JC", "Weissman MM"],
            2012,
            "Casebook of Interpersonal Psychotherapy",
        )
    },
    Reference {
        container: Some("J Nerv Ment Dis"),
        volume: Some("178"),
        pages: Some("120–126"),
        ..Reference::new(
            "monk-1990-srm",
            Article,
            &[
                "Monk TH",
                "Flaherty JF",
                "Frank E",
                "Hoskinson K",
                "Kupfer DJ",
            ],
            1990,
            "The Social Rhythm Metric: an instrument to quantify the daily rhythms of life",
        )
    },
    Reference {
        container: Some("J Sleep Res"),
        volume: Some("11"),
        pages: Some("183–190"),
        note: Some(
            "The SRM-5. Authors, journal, volume and pages as printed on a copy of the \
             article. No DOI or PMID was found on any record, primary or copy, so none is \
             given.",
        ),
        ..Reference::new(
            "monk-2002-srm5",
            Article,
            &["Monk TH", "Frank E", "Potts JM", "Kupfer DJ"],
            2002,
            "A simple way to measure daily lifestyle regularity",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("56"),
        issue: Some("6"),
        pages: Some("573–579"),
        pmid: Some("10359475"),
        ..Reference::new(
            "mufson-1999-ipt-a-efficacy",
            Article,
            &["Mufson L", "Weissman MM", "Moreau D", "Garfinkel R"],
            1999,
            "Efficacy of interpersonal psychotherapy for depressed adolescents",
        )
    },
    Reference {
        edition: Some("2nd"),
        publisher: Some("Guilford Press"),
        ..Reference::new(
            "mufson-2004-ipt-a",
            Book,
            &["Mufson L", "Dorta KP", "Moreau D", "Weissman MM"],
            2004,
            "Interpersonal Psychotherapy for Depressed Adolescents",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("41"),
        issue: Some("1"),
        pages: Some("33–41"),
        doi: Some("10.1001/archpsyc.1984.01790120037006"),
        ..Reference::new(
            "murphy-1984-ct-pharmacotherapy",
            Article,
            &["Murphy GE", "Simons AD", "Wetzel RD", "Lustman PJ"],
            1984,
            "Cognitive therapy and pharmacotherapy: singly and together in the treatment of \
             depression",
        )
    },
    Reference {
        container: Some("World Psychiatry"),
        volume: Some("20"),
        issue: Some("1"),
        pages: Some("96–106"),
        doi: Some("10.1002/wps.20823"),
        pmid: Some("33432758"),
        pmcid: Some("PMC7801836"),
        note: Some(
            "PMID, PMCID and DOI as printed on a copy of the PubMed record; the DOI, with \
             20(1):96–106, agrees in independent reference lists and a research-index record. \
             PubMed's, PMC's and the publisher's own pages were not reached.",
        ),
        ..Reference::new(
            "prigerson-2021-pgd-dsm5tr",
            Article,
            &[
                "Prigerson HG",
                "Boelen PA",
                "Xu J",
                "Smith KV",
                "Maciejewski PK",
            ],
            2021,
            "Validation of the new DSM-5-TR criteria for prolonged grief disorder and the \
             PG-13-Revised (PG-13-R) scale",
        )
    },
    Reference {
        container: Some("Indian J Psychiatry"),
        volume: Some("62"),
        issue: Some("Suppl 2"),
        pages: Some("S201–S212"),
        doi: Some("10.4103/psychiatry.IndianJPsychiatry_771_19"),
        pmid: Some("32055063"),
        pmcid: Some("PMC7001362"),
        note: Some("The Indian Psychiatric Society's clinical practice guideline on IPT."),
        ..Reference::new(
            "rajhans-2020-ipt-guideline",
            Article,
            &["Rajhans P", "Hans G", "Kumar V", "Chadda RK"],
            2020,
            "Interpersonal psychotherapy for patients with mental disorders",
        )
    },
    Reference {
        part_of: Some(CASEBOOK),
        chapter: Some("4"),
        note: Some(
            "Authors (Paula Ravitz, Robert Maunder), title and chapter number confirmed on the \
             publisher's chapter page (Oxford Clinical Psychology). The chapter DOI was seen only \
             on a research-index record, so not given.",
        ),
        ..Reference::new(
            "ravitz-maunder-2012-role-transition",
            Chapter,
            &["Ravitz P", "Maunder R"],
            2012,
            "Major depressive disorder: role transition",
        )
    },
    Reference {
        container: Some("Clin Psychol Psychother"),
        volume: Some("10"),
        pages: Some("238–261"),
        doi: Some("10.1002/cpp.362"),
        note: Some(
            "DOI, authors and abstract seen on an index record (zendy.io); volume and pages as \
             cited by later papers of the same group: confirm on the publisher's page. Issue \
             not confirmed.",
        ),
        ..Reference::new(
            "semerari-2003-mas",
            Article,
            &[
                "Semerari A",
                "Carcione A",
                "Dimaggio G",
                "Falcone M",
                "Nicolò G",
                "Procacci M",
                "Alleva G",
            ],
            2003,
            "How to evaluate metacognitive functioning in psychotherapy? The metacognition \
             assessment scale and its applications",
        )
    },
    Reference {
        container: Some("Arch Intern Med"),
        volume: Some("166"),
        issue: Some("10"),
        pages: Some("1092–1097"),
        doi: Some("10.1001/archinte.166.10.1092"),
        pmid: Some("16717171"),
        ..Reference::new(
            "spitzer-2006-gad7",
            Article,
            &["Spitzer RL", "Kroenke K", "Williams JBW", "Löwe B"],
            2006,
            "A brief measure for assessing generalized anxiety disorder: the GAD-7",
        )
    },
    Reference {
        publisher: Some("Arnold"),
        ..Reference::new(
            "stuart-robertson-2003-clinicians-guide",
            Book,
            &["Stuart S", "Robertson M"],
            2003,
            "Interpersonal Psychotherapy: A Clinician's Guide",
        )
    },
    Reference {
        edition: Some("2nd"),
        publisher: Some("CRC Press"),
        ..Reference::new(
            "stuart-robertson-2012-clinicians-guide",
            Book,
            &["Stuart S", "Robertson M"],
            2012,
            "Interpersonal Psychotherapy: A Clinician's Guide",
        )
    },
    Reference {
        et_al: true,
        container: Some("Psychiatr Serv"),
        volume: Some("55"),
        issue: Some("4"),
        pages: Some("448–450"),
        doi: Some("10.1176/appi.ps.55.4.448"),
        pmid: Some("15067162"),
        note: Some(
            "DOI confirmed on the publisher's page (Psychiatric Services, \
             psychiatryonline.org). PMID and the pages 448–450 as printed on copies of the \
             PubMed record (a mirror, and ResearchGate's record taken from PubMed); PubMed's \
             own page was not reached.",
        ),
        ..Reference::new(
            "swartz-2004-brief-ipt",
            Article,
            &["Swartz HA", "Frank E"],
            2004,
            "A pilot study of brief interpersonal psychotherapy for depression among women",
        )
    },
    Reference {
        publisher: Some("U.S. Department of Veterans Affairs"),
        ..Reference::new(
            "va-2014-ipt-veterans",
            Document,
            &[
                "Clougherty KF",
                "Hinrichsen GA",
                "Steele JL",
                "Miller SA",
                "Raffa SD",
                "Stewart MO",
                "Karlin BE",
            ],
            2014,
            "Therapist Guide to Interpersonal Psychotherapy for Depression in Veterans",
        )
    },
    Reference {
        publisher: Some("Basic Books"),
        isbn: Some("0465095666"),
        note: Some("ISBN from the British Journal of Psychiatry's review of the book."),
        ..Reference::new(
            "weissman-2000-comprehensive-guide",
            Book,
            &["Weissman MM", "Markowitz JC", "Klerman GL"],
            2000,
            "Comprehensive Guide to Interpersonal Psychotherapy",
        )
    },
    Reference {
        edition: Some("Updated and expanded"),
        publisher: Some("Oxford University Press"),
        note: Some(
            "First edition: Clinician's Quick Guide to Interpersonal Psychotherapy, 2007. ISBN \
             not given: OUP's catalogue page was not reached, and the records found were \
             copies of the book.",
        ),
        ..Reference::new(
            "weissman-2018-guide",
            Book,
            &["Weissman MM", "Markowitz JC", "Klerman GL"],
            2018,
            "The Guide to Interpersonal Psychotherapy",
        )
    },
    Reference {
        container: Some("Series on Low-Intensity Psychological Interventions 3"),
        edition: Some("WHO generic field-trial version 1.0"),
        publisher: Some("World Health Organization"),
        document_number: Some("WHO/MSD/MER/16.4"),
        who_iris: Some("10665/250219"),
        note: Some(
            "Document number as printed on the document. The IRIS handle is part of WHO's own \
             address for the document's file (apps.who.int/iris/bitstream/10665/250219/…), as \
             quoted by a copy; the iris.who.int record itself was not reached.",
        ),
        ..Reference::new(
            "who-2016-group-ipt",
            Document,
            &["World Health Organization", "Columbia University"],
            2016,
            "Group Interpersonal Therapy (IPT) for Depression",
        )
    },
    Reference {
        publisher: Some("World Health Organization"),
        note: Some(
            "Adopted 2019, in effect from 2022. Cite a code as the locator, e.g. \"6B42 \
             Prolonged grief disorder\".",
        ),
        ..Reference::new(
            "who-2019-icd11",
            Document,
            &["World Health Organization"],
            2019,
            "International Classification of Diseases, 11th Revision (ICD-11): Mortality and \
             Morbidity Statistics",
        )
    },
    Reference {
        publisher: Some("Basic Books"),
        note: Some(
            "The group IPT manual (IPT-G): pre-group, mid-treatment and post-treatment \
             individual meetings. ISBN not yet confirmed on the publisher's record.",
        ),
        ..Reference::new(
            "wilfley-2000-ipt-group",
            Book,
            &[
                "Wilfley DE",
                "MacKenzie KR",
                "Welch RR",
                "Ayres VE",
                "Weissman MM",
            ],
            2000,
            "Interpersonal Psychotherapy for Group",
        )
    },
    Reference {
        container: Some("Arch Gen Psychiatry"),
        volume: Some("59"),
        issue: Some("8"),
        pages: Some("713–721"),
        doi: Some("10.1001/archpsyc.59.8.713"),
        note: Some(
            "20 weekly group sessions of IPT-G for binge-eating disorder. DOI, volume and pages \
             seen on the publisher's page.",
        ),
        ..Reference::new(
            "wilfley-2002-group-ipt-trial",
            Article,
            &[
                "Wilfley DE",
                "Welch RR",
                "Stein RI",
                "Spurrell EB",
                "Cohen LR",
                "Saelens BE",
                "Dounchis JZ",
                "Frank MA",
                "Wiseman CV",
                "Matt GE",
            ],
            2002,
            "A randomized comparison of group cognitive-behavioral therapy and group \
             interpersonal psychotherapy for the treatment of overweight individuals with \
             binge-eating disorder",
        )
    },
    Reference {
        container: Some("J Affect Disord"),
        volume: Some("150"),
        issue: Some("2"),
        pages: Some("384–388"),
        doi: Some("10.1016/j.jad.2013.04.028"),
        pmid: Some("23759278"),
        ..Reference::new(
            "zimmerman-2013-hamd-severity",
            Article,
            &[
                "Zimmerman M",
                "Martinez JH",
                "Young D",
                "Chelminski I",
                "Dalrymple K",
            ],
            2013,
            "Severity classification on the Hamilton Depression Rating Scale",
        )
    },
];
