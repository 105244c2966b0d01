"""Words that tell people from other capitalised things in news copy.

Lists, not rules: titles and roles that introduce a person, verbs of speech, the
particles inside Arabic, Dutch or Spanish names, and the capitalised words that are
never a person (months, weekdays, countries, capitals, organisation words).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: titles and roles written before a name ("Prime Minister Mustafa …", "spokeswoman Jen …")
TITLES = _words(
    """
    president vice-president prime premier minister ministers chancellor secretary
    spokesman spokeswoman spokesperson spokespeople press mr mr. mrs mrs. ms ms. dr dr.
    sen sen. senator rep rep. representative congressman congresswoman governor gov gov.
    mayor ambassador envoy emissary commander general gen gen. lt lt. colonel col col.
    major maj maj. captain capt capt. sergeant sgt sgt. admiral marshal brigadier lieutenant
    chief head leader deputy director chairman chairwoman chair ceo cfo founder
    king queen prince princess emir sheikh sheik sultan crown ayatollah imam cleric
    pope cardinal bishop archbishop rabbi reverend rev rev. pastor father sister brother
    judge justice attorney prosecutor lawyer professor prof prof. analyst researcher
    economist expert correspondent reporter journalist editor columnist anchor
    lord lady sir dame baron count countess duke duchess mp mep lawmaker legislator
    speaker coach striker midfielder defender goalkeeper manager captain player
    actor actress singer writer author novelist poet artist director producer
    activist campaigner dissident rapper star official officer agent detective
    inspector superintendent commissioner councillor councilor alderman sheriff
    candidate nominee challenger incumbent opponent rival aide adviser advisor
    counsellor counselor diplomat negotiator mediator coordinator administrator
    governor-general secretary-general under-secretary undersecretary
    """
)

#: words inside multi-word titles ("Secretary of State", "Foreign Minister")
TITLE_PARTS = _words(
    """
    state defense defence foreign interior finance home affairs health education
    justice trade treasury energy economy oil security intelligence national
    general house white senate senior chief deputy acting former late then
    first second executive managing vice assistant associate special
    """
)


SPEECH_VERBS = _words(
    """
    said says say added adds told tells stated states noted notes explained explains
    stressed stresses confirmed confirms announced announces wrote writes tweeted tweets
    argued argues insisted insists warned warns asked asks replied replies continued
    declared declares claimed claims commented comments emphasized emphasised
    emphasizes emphasises urged urges acknowledged acknowledges admitted admits
    denied denies recalled recalls responded responds remarked remarks believes believed
    concluded concludes pointed points reiterated reiterates revealed reveals
    """
)

#: lowercase pieces of a name between capitalised parts ("Mohammed bin Salman")
PARTICLES = _words("al el bin ibn bint ben abu van von der den de da di du del della dos das la le")

#: hyphenated prefixes that belong to a surname ("al-Kadhimi"), stripped to compare spellings
SURNAME_PREFIXES = ("al-", "el-", "al ", "el ", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-")

MONTHS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun"
)

#: nouns that end an organisation's or a place's name ("Quds Force", "Al-Hurra TV")
ORGANISATION_WORDS = _words(
    """
    force forces guard guards army navy party council ministry department agency
    office house court committee commission organization organisation union
    association federation league front movement mobilization mobilisation brigade
    brigades militia corps group company corporation corp inc ltd llc bank fund
    university college school institute institution center centre foundation
    news tv radio times post press journal network channel agency media daily
    airport airways airlines port station square street road avenue bridge
    city province state states region district county kingdom republic emirate
    emirates islands island river sea gulf ocean mountains valley desert
    government administration parliament assembly congress senate cabinet
    treaty accord agreement deal summit conference forum initiative program
    programme project plan operation war revolution crisis day week era
    coalition alliance bloc order church mosque temple hospital prison staff chiefs
    """
)

#: capitalised words and names that are never people in news copy
NOT_PEOPLE = _words(
    """
    god allah isis isil daesh nato un eu us uk usa uae opec who imf iaea
    reuters afp ap xinhua bloomberg irna isna tasnim fars mehr anadolu sputnik tass
    hezbollah hamas taliban houthis houthi kremlin pentagon congress parliament
    senate knesset majlis shura pentagon facebook twitter google youtube instagram
    telegram whatsapp tiktok internet covid covid-19 coronavirus
    sunni shiite shia shiites sunnis kurds kurdish arab arabs muslim muslims christian
    christians jews jewish islamic western eastern northern southern
    america europe asia africa oceania antarctica middle east west north south
    washington baghdad tehran moscow beijing london paris berlin brussels kyiv kiev
    damascus beirut cairo riyadh doha dubai abu dhabi ankara istanbul jerusalem
    tel aviv amman kabul islamabad delhi new york geneva vienna rome madrid tokyo
    seoul basra mosul erbil najaf karbala kirkuk fallujah gaza aleppo idlib sanaa aden
    """
)

COUNTRIES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon
    canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech
    denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
    finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
    italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan
    laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
    micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
    nauru nepal netherlands zealand nicaragua niger nigeria macedonia norway oman
    pakistan palau palestine panama paraguay peru philippines poland portugal qatar
    romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia
    somalia spain sri lanka sudan suriname sweden switzerland syria taiwan tajikistan
    tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda
    ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe
    britain england scotland wales kurdistan crimea donbas balkans caucasus levant
    """
)

DEMONYMS = _words(
    """
    iraqi iraqis iranian iranians american americans saudi saudis emirati emiratis
    israeli israelis pakistani pakistanis afghan afghans yemeni yemenis kuwaiti
    qatari omani bahraini somali bangladeshi nepali azerbaijani uzbek kazakh
    syrian lebanese jordanian egyptian libyan tunisian algerian moroccan turkish
    russian chinese british french german italian spanish european african asian
    palestinian kurd ukrainian indian japanese korean
    """
)

#: plural or group nouns that start sentences before a speech verb ("Officials said")
GROUP_NOUNS = _words(
    """
    officials official sources source witnesses witness analysts experts residents
    police authorities protesters demonstrators lawmakers critics observers diplomats
    activists reports report statements statement documents investigators doctors
    medics rescuers troops soldiers militants fighters rebels leaders ministers
    residents people citizens voters supporters opponents spokesmen spokeswomen
    others many some several both neither either none everyone someone nobody
    organizers organisers participants locals neighbors neighbours families relatives
    """
)

#: function words (spaCy's English stop list, kept here so that the default run never
#: imports spaCy): never part of a name ("The", "And", "However")
STOP_WORDS = _words(
    """
    a about above across after afterwards again against all almost alone along
    already also although always am among amongst amount an and another any anyhow
    anyone anything anyway anywhere are around as at back be became because become
    becomes becoming been before beforehand behind being below beside besides
    between beyond both bottom but by ca call can cannot could did do does doing
    done down due during each eight either eleven else elsewhere empty enough even
    ever every everyone everything everywhere except few fifteen fifty first five
    for former formerly forty four from front full further get give go had has have
    he hence her here hereafter hereby herein hereupon hers herself him himself his
    how however hundred i if in indeed into is it its itself just keep last latter
    latterly least less made make many may me meanwhile might mine more moreover
    most mostly move much must my myself name namely neither never nevertheless next
    nine no nobody none noone nor not nothing now nowhere of off often on once one
    only onto or other others otherwise our ours ourselves out over own part per
    perhaps please put quite rather re really regarding same say see seem seemed
    seeming seems serious several she should show side since six sixty so some
    somehow someone something sometime sometimes somewhere still such take ten than
    that the their them themselves then thence there thereafter thereby therefore
    therein thereupon these they third this those though three through throughout
    thru thus to together too top toward towards twelve twenty two under unless
    until up upon us used using various very via was we well were what whatever when
    whence whenever where whereafter whereas whereby wherein whereupon wherever
    whether which while whither who whoever whole whom whose why will with within
    without would yet you your yours yourself yourselves
    'd 'll 'm 're 's 've n't n‘t n’t ‘d ‘ll ‘m ‘re ‘s ‘ve ’d ’ll ’m ’re ’s ’ve
    """
)

STOP = frozenset(word for word in STOP_WORDS if word not in PARTICLES)

#: capitalised words that are no name at all, before any person evidence is weighed
NEVER_A_NAME = MONTHS | WEEKDAYS | COUNTRIES | DEMONYMS | NOT_PEOPLE | GROUP_NOUNS | STOP | TITLES
