package nlp

import "strings"

// The gazetteers below are written by hand for Briefdesk: they give the
// entity tagger evidence the training text cannot (names it never saw), and
// the actors package uses them to merge "Russian" and "Moscow" into Russia or
// "IMF" into the International Monetary Fund.

// countries lists "Country|Demonym|Capital" rows; extra demonyms or
// capitals are separated by commas.
const countries = `Afghanistan|Afghan|Kabul
Albania|Albanian|Tirana
Algeria|Algerian|Algiers
Angola|Angolan|Luanda
Argentina|Argentine,Argentinian|Buenos Aires
Armenia|Armenian|Yerevan
Australia|Australian|Canberra
Austria|Austrian|Vienna
Azerbaijan|Azerbaijani,Azeri|Baku
Bahrain|Bahraini|Manama
Bangladesh|Bangladeshi|Dhaka
Belarus|Belarusian,Belarussian|Minsk
Belgium|Belgian|Brussels
Bolivia|Bolivian|La Paz
Bosnia|Bosnian|Sarajevo
Brazil|Brazilian|Brasilia
Britain|British|London
Bulgaria|Bulgarian|Sofia
Burundi|Burundian|Gitega
Cambodia|Cambodian|Phnom Penh
Cameroon|Cameroonian|Yaounde
Canada|Canadian|Ottawa
Chad|Chadian|N'Djamena
Chile|Chilean|Santiago
China|Chinese|Beijing
Colombia|Colombian|Bogota
Congo|Congolese|Kinshasa
Croatia|Croatian,Croat|Zagreb
Cuba|Cuban|Havana
Cyprus|Cypriot|Nicosia
Czech Republic|Czech|Prague
Denmark|Danish,Dane|Copenhagen
Ecuador|Ecuadorean,Ecuadorian|Quito
Egypt|Egyptian|Cairo
Eritrea|Eritrean|Asmara
Estonia|Estonian|Tallinn
Ethiopia|Ethiopian|Addis Ababa
Finland|Finnish,Finn|Helsinki
France|French|Paris
Georgia|Georgian|Tbilisi
Germany|German|Berlin
Ghana|Ghanaian|Accra
Greece|Greek|Athens
Guatemala|Guatemalan|Guatemala City
Haiti|Haitian|Port-au-Prince
Hungary|Hungarian|Budapest
Iceland|Icelandic|Reykjavik
India|Indian|New Delhi
Indonesia|Indonesian|Jakarta
Iran|Iranian|Tehran
Iraq|Iraqi|Baghdad
Ireland|Irish|Dublin
Israel|Israeli|Jerusalem
Italy|Italian|Rome
Ivory Coast|Ivorian|Abidjan
Jamaica|Jamaican|Kingston
Japan|Japanese|Tokyo
Jordan|Jordanian|Amman
Kazakhstan|Kazakh|Astana,Almaty
Kenya|Kenyan|Nairobi
Kosovo|Kosovar|Pristina
Kuwait|Kuwaiti|Kuwait City
Kyrgyzstan|Kyrgyz|Bishkek
Latvia|Latvian|Riga
Lebanon|Lebanese|Beirut
Liberia|Liberian|Monrovia
Libya|Libyan|Tripoli
Lithuania|Lithuanian|Vilnius
Luxembourg|Luxembourger|Luxembourg
Malaysia|Malaysian|Kuala Lumpur
Mali|Malian|Bamako
Mexico|Mexican|Mexico City
Moldova|Moldovan|Chisinau
Mongolia|Mongolian|Ulan Bator,Ulaanbaatar
Montenegro|Montenegrin|Podgorica
Morocco|Moroccan|Rabat
Mozambique|Mozambican|Maputo
Myanmar|Burmese|Naypyidaw,Yangon
Nepal|Nepalese,Nepali|Kathmandu
Netherlands|Dutch|Amsterdam,The Hague
New Zealand|New Zealander|Wellington
Nicaragua|Nicaraguan|Managua
Niger|Nigerien|Niamey
Nigeria|Nigerian|Abuja,Lagos
North Korea|North Korean|Pyongyang
Norway|Norwegian|Oslo
Oman|Omani|Muscat
Pakistan|Pakistani|Islamabad
Palestine|Palestinian|Ramallah
Panama|Panamanian|Panama City
Paraguay|Paraguayan|Asuncion
Peru|Peruvian|Lima
Philippines|Philippine,Filipino|Manila
Poland|Polish,Pole|Warsaw
Portugal|Portuguese|Lisbon
Qatar|Qatari|Doha
Romania|Romanian|Bucharest
Russia|Russian|Moscow
Rwanda|Rwandan|Kigali
Saudi Arabia|Saudi|Riyadh
Senegal|Senegalese|Dakar
Serbia|Serbian,Serb|Belgrade
Sierra Leone|Sierra Leonean|Freetown
Singapore|Singaporean|Singapore
Slovakia|Slovak|Bratislava
Slovenia|Slovenian,Slovene|Ljubljana
Somalia|Somali|Mogadishu
South Africa|South African|Pretoria,Johannesburg
South Korea|South Korean|Seoul
South Sudan|South Sudanese|Juba
Spain|Spanish,Spaniard|Madrid
Sri Lanka|Sri Lankan|Colombo
Sudan|Sudanese|Khartoum
Sweden|Swedish,Swede|Stockholm
Switzerland|Swiss|Bern,Berne
Syria|Syrian|Damascus
Taiwan|Taiwanese|Taipei
Tajikistan|Tajik|Dushanbe
Tanzania|Tanzanian|Dodoma
Thailand|Thai|Bangkok
Tunisia|Tunisian|Tunis
Turkey|Turkish,Turk|Ankara
Turkmenistan|Turkmen|Ashgabat
Uganda|Ugandan|Kampala
Ukraine|Ukrainian|Kyiv,Kiev
United Arab Emirates|Emirati|Abu Dhabi
United States|American|Washington
Uruguay|Uruguayan|Montevideo
Uzbekistan|Uzbek|Tashkent
Venezuela|Venezuelan|Caracas
Vietnam|Vietnamese|Hanoi
Yemen|Yemeni|Sanaa
Yugoslavia|Yugoslav|Belgrade
Zambia|Zambian|Lusaka
Zimbabwe|Zimbabwean|Harare
Europe|European|
Africa|African|
Asia|Asian|
Latin America|Latin American|
Middle East|Middle Eastern|
Scotland|Scottish,Scot|Edinburgh
England|English|
Wales|Welsh|Cardiff
Crimea|Crimean|Simferopol
Chechnya|Chechen|Grozny
Gaza|Gazan|
Kurdistan|Kurdish,Kurd|Erbil`

// countryAliases maps other names of a country to the name in countries.
const countryAliases = `US=United States
U.S.=United States
USA=United States
U.S.A.=United States
America=United States
UK=Britain
U.K.=Britain
United Kingdom=Britain
Great Britain=Britain
Holland=Netherlands
Burma=Myanmar
Czechia=Czech Republic
UAE=United Arab Emirates
Cote d'Ivoire=Ivory Coast
Turkiye=Turkey
Russian Federation=Russia
DRC=Congo
Persia=Iran`

// places lists other well-known places: cities, regions, seas, rivers.
const places = `New York|Los Angeles|Chicago|Houston|Boston|San Francisco|Miami|Hong Kong|Shanghai|Mumbai|Bombay|Karachi|Istanbul|Frankfurt|Munich|Hamburg|Milan|Naples|Barcelona|Marseille|Lyon|Geneva|Zurich|Rotterdam|Antwerp|Manchester|Liverpool|Glasgow|Belfast|Sydney|Melbourne|Toronto|Montreal|Vancouver|St Petersburg|Kharkiv|Odesa|Odessa|Donetsk|Luhansk|Mariupol|Aleppo|Mosul|Basra|Kandahar|Benghazi|Jeddah|Dubai|Gaza Strip|West Bank|Golan Heights|Kashmir|Tibet|Xinjiang|Balkans|Western Balkans|Baltic|Baltics|Caucasus|Scandinavia|Siberia|Black Sea|Baltic Sea|Mediterranean|Red Sea|South China Sea|Persian Gulf|Gulf|Atlantic|Pacific|Arctic|Indian Ocean|Sahel|Horn of Africa|Donbas|Donbass|Nile|Danube|Rhine|Euphrates|Washington|Silicon Valley|Wall Street|Texas|California|Florida|Ohio|Virginia|Quebec|Ontario|Bavaria|Catalonia|Kabul|Tehran|Taipei|Pyongyang|Northern Ireland|Bosnia and Herzegovina|Herzegovina|Eastern Europe|Western Europe|Central Asia|Southeast Asia|North Africa|West Africa|East Africa|Korea|Kuril Islands|Falklands|Taiwan Strait`

// organisations lists "ACRONYM|Expansion|short descriptions" rows of
// international and well-known organisations; the last field names the
// generic nouns articles use for them ("the alliance", "the Fund").
const organisations = `NATO|North Atlantic Treaty Organization,North Atlantic Treaty Organisation|alliance,military alliance,Western alliance,transatlantic alliance
UN|United Nations|world body,organisation,organization
U.N.|United Nations|world body
EU|European Union|bloc,union
E.U.|European Union|bloc
IMF|International Monetary Fund|Fund,lender
WHO|World Health Organization,World Health Organisation|agency
WTO|World Trade Organization,World Trade Organisation|
OPEC|Organization of the Petroleum Exporting Countries|cartel,group
OSCE|Organization for Security and Co-operation in Europe,Organization for Security and Cooperation in Europe|
OECD|Organisation for Economic Co-operation and Development,Organization for Economic Cooperation and Development|
IAEA|International Atomic Energy Agency|agency,watchdog
ICC|International Criminal Court|court
ICJ|International Court of Justice|court
ECB|European Central Bank|bank
Fed|Federal Reserve|central bank
FBI|Federal Bureau of Investigation|bureau
CIA|Central Intelligence Agency|agency
KGB||
FSB|Federal Security Service|
ASEAN|Association of Southeast Asian Nations|bloc
AU|African Union|bloc
G7|Group of Seven|
G20|Group of 20,Group of Twenty|
UNHCR|UN High Commissioner for Refugees,United Nations High Commissioner for Refugees|agency
UNICEF|United Nations Children's Fund|agency
UNESCO|United Nations Educational, Scientific and Cultural Organization|
WFP|World Food Programme|agency
ICRC|International Committee of the Red Cross|Red Cross
World Bank|World Bank|bank,lender
Pentagon||
Kremlin||
White House||
Hamas||group,militant group
Hezbollah||group
Taliban||group,militants
Security Council|UN Security Council,United Nations Security Council|council
European Commission|European Commission|Commission
Congress||
Parliament||
Reuters||
AFP|Agence France-Presse|
AP|Associated Press|
BBC|British Broadcasting Corporation|
OPCW|Organisation for the Prohibition of Chemical Weapons|
Interpol||
Europol||
Gazprom||
Rosneft||
CSTO|Collective Security Treaty Organization|alliance
ECOWAS|Economic Community of West African States|bloc
SCO|Shanghai Cooperation Organisation|
PLO|Palestine Liberation Organization|
UEFA||
FIFA||
IOC|International Olympic Committee|`

// companies are large firms news often names alone, at the start of a
// sentence, where a word could as well be a surname.
const companies = `Apple|Google|Alphabet|Microsoft|Facebook|Twitter|Tesla|Netflix|Intel|IBM|Oracle|Cisco|Samsung|Sony|Panasonic|Toshiba|Hitachi|Nintendo|Huawei|Alibaba|Tencent|Baidu|Xiaomi|Lenovo|Nokia|Ericsson|Siemens|Philips|Bosch|Volkswagen|BMW|Daimler|Mercedes-Benz|Porsche|Audi|Renault|Peugeot|Stellantis|Fiat|Ferrari|Volvo|Toyota|Honda|Nissan|Mazda|Hyundai|GM|General Motors|Chrysler|Boeing|Airbus|Lockheed Martin|Raytheon|BAE Systems|Rolls-Royce|Thales|Dassault|Exxon|ExxonMobil|Chevron|Shell|BP|TotalEnergies|Eni|Equinor|Gazprom|Rosneft|Lukoil|Yukos|Aramco|Saudi Aramco|Petrobras|Sinopec|PetroChina|Glencore|Rio Tinto|BHP|Anglo American|ArcelorMittal|Nestle|Unilever|Danone|Heineken|Carlsberg|Diageo|Pernod Ricard|Coca-Cola|PepsiCo|McDonald's|Starbucks|Walmart|Tesco|Carrefour|Aldi|Lidl|Ikea|Zara|Inditex|H&M|Adidas|Nike|Umbro|Pfizer|Moderna|AstraZeneca|GlaxoSmithKline|GSK|Glaxo|Novartis|Roche|Sanofi|Merck|Bayer|BASF|Johnson & Johnson|Vodafone|Telefonica|Deutsche Telekom|AT&T|Verizon|MCI|WorldCom|BT|Turkcell|HSBC|Barclays|Lloyds|NatWest|RBS|Santander|BNP Paribas|Societe Generale|Deutsche Bank|Commerzbank|UBS|Credit Suisse|ING|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|Bank of America|Wells Fargo|BlackRock|Mastercard|PayPal|Uber|Airbnb|SpaceX|OpenAI|Nvidia|AMD|Qualcomm|TSMC|ASML|SAP|Spotify|Disney|Warner Bros|Vivendi|Bertelsmann|News Corp|Reuters|Bloomberg|Ryanair|EasyJet|Lufthansa|Air France|KLM|British Airways|Qantas|Maersk|FedEx|UPS|DHL|Cadbury|Kraft|Nasdaq|Euronext|Deutsche Boerse`

// events are names of wars, eras, holidays and contests: names, but not
// actors.
const events = `Cold War|World War I|World War II|World War One|World War Two|First World War|Second World War|Great War|Great Depression|Holocaust|Brexit|Arab Spring|Olympics|Olympic Games|Winter Olympics|Paralympics|World Cup|Champions League|Premier League|Euro 2024|Christmas|Easter|Ramadan|Eid|Hanukkah|Thanksgiving|New Year|Lunar New Year|Nobel Prize|Oscars|Grammys|Eurovision|Cannes|Davos|Six Nations|Tour de France|Wimbledon|Super Bowl|Gulf War|Iraq War|Vietnam War|Korean War|Six-Day War|Yom Kippur War|Watergate|Covid|Covid-19|Covid19|Omicron|Ebola|Zika`

// orgWords are heads that usually end an organisation's name.
const orgWords = `Inc|Corp|Corporation|Ltd|Limited|Plc|PLC|Co|Company|Group|Bank|Party|Ministry|Council|Union|Association|Federation|Committee|Commission|Agency|Organisation|Organization|Institute|University|College|Club|United|City|FC|Airlines|Airways|Motors|Holdings|Industries|Systems|Technologies|Foundation|Fund|Court|Parliament|Assembly|Congress|Senate|Army|Navy|Force|Forces|Police|Department|Office|Service|Authority|Board|Exchange|Times|News|Post|Journal|Press|Television|Radio|Network|Church|Front|Movement|League|Alliance|Society|Trust|Center|Centre|Hospital|Rovers|Wanderers|Athletic|Town`

// placeWords are heads that usually end a place's name.
const placeWords = `River|Sea|Ocean|Gulf|Bay|Lake|Mountains|Mountain|Mount|Island|Islands|Peninsula|Valley|Province|Region|State|County|District|Strait|Desert|Coast|Street|Square|Avenue|Airport|Canal|Plateau|Basin`

// titles are words that come before a person's name ("Foreign Minister
// Sergey Lavrov", "President Biden").
const titles = `President|Vice President|Prime Minister|Deputy Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Chancellor|Secretary|Secretary of State|Secretary-General|Secretary General|Defense Secretary|Defence Secretary|Foreign Secretary|Home Secretary|Ambassador|Envoy|Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|Governor|Gov.|Mayor|King|Queen|Prince|Princess|Pope|Emperor|Sheikh|Crown Prince|General|Gen.|Lt.|Col.|Colonel|Major|Captain|Capt.|Admiral|Adm.|Sgt.|Commander|Marshal|Judge|Justice|Chief Justice|Dr|Dr.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Sir|Dame|Lord|Lady|Professor|Prof|Prof.|Rev.|Reverend|Bishop|Cardinal|Archbishop|Ayatollah|Spokesman|Spokeswoman|Spokesperson|Chairman|Chairwoman|Chair|Director|Director-General|Director General|Chief|CEO|Chief Executive|Managing Director|Commissioner|Premier|Speaker|Leader|Coach|Manager|Striker|Midfielder|Defender|Goalkeeper`

// firstNames are common given names; a capitalised word after one is very
// likely a surname.
const firstNames = `John|James|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|Matthew|Anthony|Mark|Donald|Steven|Paul|Andrew|Joshua|Kenneth|Kevin|Brian|George|Timothy|Ronald|Edward|Jason|Jeffrey|Ryan|Jacob|Gary|Nicholas|Eric|Jonathan|Stephen|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Gregory|Alexander|Frank|Patrick|Raymond|Jack|Dennis|Jerry|Tyler|Aaron|Jose|Adam|Henry|Nathan|Douglas|Zachary|Peter|Kyle|Walter|Ethan|Jeremy|Harold|Keith|Christian|Roger|Noah|Gerald|Carl|Terry|Sean|Austin|Arthur|Lawrence|Jesse|Dylan|Bryan|Joe|Jordan|Billy|Bruce|Albert|Willie|Gabriel|Logan|Alan|Juan|Wayne|Roy|Ralph|Randy|Eugene|Vincent|Russell|Elijah|Louis|Bobby|Philip|Phil|Johnny|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Dorothy|Carol|Amanda|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|Shirley|Angela|Helen|Anna|Brenda|Pamela|Nicole|Emma|Samantha|Katherine|Christine|Debra|Rachel|Catherine|Carolyn|Janet|Ruth|Maria|Heather|Diane|Virginia|Julie|Joyce|Victoria|Olivia|Kelly|Christina|Lauren|Joan|Evelyn|Judith|Megan|Cheryl|Andrea|Hannah|Martha|Jacqueline|Frances|Gloria|Ann|Teresa|Kathryn|Sara|Janice|Jean|Alice|Madison|Doris|Abigail|Julia|Judy|Grace|Denise|Amber|Marilyn|Beverly|Danielle|Theresa|Sophia|Marie|Diana|Brittany|Natalie|Isabella|Charlotte|Rose|Alexis|Kayla|Boris|Vladimir|Sergey|Sergei|Dmitry|Dmitri|Mikhail|Alexei|Alexey|Andrei|Ivan|Igor|Yuri|Oleg|Nikolai|Viktor|Volodymyr|Petro|Olena|Angela|Emmanuel|Jean|Pierre|Jacques|Francois|Nicolas|Marine|Olaf|Helmut|Gerhard|Frank-Walter|Ursula|Annalena|Jens|Anders|Lars|Erik|Olof|Mette|Sanna|Giorgia|Mario|Matteo|Silvio|Pedro|Carlos|Luis|Jorge|Javier|Miguel|Manuel|Antonio|Francisco|Fernando|Ricardo|Luiz|Inacio|Jair|Xi|Li|Wang|Zhang|Shinzo|Fumio|Yoshihide|Narendra|Rahul|Imran|Nawaz|Recep|Tayyip|Ahmet|Mehmet|Mustafa|Ali|Hassan|Hussein|Mohammed|Mohamed|Muhammad|Ahmed|Abdullah|Omar|Khalid|Bashar|Benjamin|Naftali|Yair|Ehud|Shimon|Yitzhak|Ariel|Mahmoud|Yasser|Hosni|Abdel|Jacob|Nelson|Thabo|Cyril|Kofi|Ban|Antonio|Jens|Kristalina|Christine|Josep|Charles|Rishi|Keir|Liz|Theresa|Tony|Gordon|Margaret|Winston|Joe|Kamala|Barack|Hillary|Bill|Nancy|Mitch|Chuck|Mike|Antony|Lloyd|Jake|Jerome|Janet|Rex|Marco|Ted|Bernie|Elizabeth|Hans|Klaus|Wolfgang|Jurgen|Dieter|Stefan|Thomas|Martin|Karl|Ernst|Werner|Gunter|Jan|Piet|Willem|Mark|Ruud|Jose|Juan|Maria|Paolo|Giuseppe|Roberto|Marco|Andrea|Francesco|Alessandro|Luca|Anatoly|Leonid|Gennady|Alexander|Aleksandr|Yevgeny|Pavel|Viktor|Vitaly|Arseniy|Yulia|Petr|Vaclav|Lech|Donald|Andrzej|Jaroslaw|Viktor|Aleksandar|Slobodan|Franjo|Alija|Radovan|Ratko|Zoran|Goran|Ivica|Davor|Tomislav|Greg|Pete|Ken|Steve|Tom|Jim|Bob|Ben|Sam|Tim|Nick|Rob|Dave|Andy|Chris|Matt|Dan|Alex|Tony|Jeff|Ron|Ray`

// Place facts looked up by the actors package.
var (
	gazCountry  = map[string]string{}   // lowercased country, alias, demonym or capital -> country
	gazKind     = map[string]string{}   // lowercased word or phrase -> "LOC", "ORG", "DEM", "TITLE", "FIRST"
	gazOrgFull  = map[string]string{}   // lowercased acronym or expansion -> canonical acronym
	gazOrgDesc  = map[string][]string{} // lowercased generic noun -> canonical acronyms it may stand for
	gazCapital  = map[string]string{}   // lowercased capital -> country
	gazDemonym  = map[string]string{}   // lowercased demonym -> country
	gazOrgWord  = map[string]bool{}
	gazPlaceWrd = map[string]bool{}
	gazMaxWords = 1
)

func init() {
	mark := func(s, kind string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		k := strings.ToLower(s)
		if _, ok := gazKind[k]; !ok {
			gazKind[k] = kind
		}
		if n := len(strings.Fields(s)); n > gazMaxWords {
			gazMaxWords = n
		}
	}
	for _, row := range strings.Split(countries, "\n") {
		f := strings.Split(row, "|")
		c := f[0]
		gazCountry[strings.ToLower(c)] = c
		mark(c, "LOC")
		for _, d := range strings.Split(f[1], ",") {
			if d = strings.TrimSpace(d); d != "" {
				gazCountry[strings.ToLower(d)] = c
				gazDemonym[strings.ToLower(d)] = c
				mark(d, "DEM")
			}
		}
		for _, cap := range strings.Split(f[2], ",") {
			if cap = strings.TrimSpace(cap); cap != "" {
				gazCapital[strings.ToLower(cap)] = c
				mark(cap, "LOC")
			}
		}
	}
	for _, row := range strings.Split(countryAliases, "\n") {
		k, v, _ := strings.Cut(row, "=")
		gazCountry[strings.ToLower(k)] = v
		mark(k, "LOC")
	}
	for _, p := range strings.Split(places, "|") {
		mark(p, "LOC")
	}
	for _, row := range strings.Split(organisations, "\n") {
		f := strings.Split(row, "|")
		acr := f[0]
		gazOrgFull[strings.ToLower(acr)] = acr
		mark(acr, "ORG")
		for _, e := range strings.Split(f[1], ",") {
			if e = strings.TrimSpace(e); e != "" {
				gazOrgFull[strings.ToLower(e)] = acr
				mark(e, "ORG")
			}
		}
		for _, d := range strings.Split(f[2], ",") {
			if d = strings.TrimSpace(d); d != "" {
				k := strings.ToLower(d)
				gazOrgDesc[k] = append(gazOrgDesc[k], acr)
			}
		}
	}
	for _, e := range strings.Split(events, "|") {
		mark(e, "MISC")
	}
	for _, c := range strings.Split(companies, "|") {
		mark(c, "ORG")
	}
	for _, t := range strings.Split(titles, "|") {
		mark(t, "TITLE")
	}
	for _, n := range strings.Split(firstNames, "|") {
		mark(n, "FIRST")
	}
	for _, w := range strings.Split(orgWords, "|") {
		gazOrgWord[strings.ToLower(w)] = true
	}
	for _, w := range strings.Split(placeWords, "|") {
		gazPlaceWrd[strings.ToLower(w)] = true
	}
}

// CountryOf returns the country a name, alias, demonym or capital stands
// for ("Russian", "Moscow", "U.S." -> "Russia", "Russia", "United States").
func CountryOf(name string) (string, bool) {
	c, ok := gazCountry[strings.ToLower(normQuotes(name))]
	return c, ok
}

// IsCapital reports whether name is a capital city, and of which country.
func IsCapital(name string) (string, bool) {
	c, ok := gazCapital[strings.ToLower(name)]
	return c, ok
}

// IsDemonym reports whether word is a nationality adjective, and of which
// country.
func IsDemonym(word string) (string, bool) {
	c, ok := gazDemonym[strings.ToLower(word)]
	return c, ok
}

// OrgKey returns the canonical acronym of a known organisation named by
// its acronym or expansion ("International Monetary Fund" -> "IMF").
func OrgKey(name string) (string, bool) {
	k, ok := gazOrgFull[strings.ToLower(normQuotes(name))]
	return k, ok
}

// OrgsByDescription returns the known organisations a generic noun may
// stand for ("alliance" -> NATO, CSTO); the article decides which.
func OrgsByDescription(noun string) []string {
	return gazOrgDesc[strings.ToLower(normQuotes(noun))]
}

// KnownPlace reports whether the gazetteers list name as a place.
func KnownPlace(name string) bool { return gazKind[strings.ToLower(normQuotes(name))] == "LOC" }

// KnownEvent reports whether the gazetteers list name as an event, era
// or contest ("Cold War", "Brexit"): a name that is not an actor.
func KnownEvent(name string) bool { return gazKind[strings.ToLower(normQuotes(name))] == "MISC" }

// KnownOrg reports whether the gazetteers list name as an organisation.
func KnownOrg(name string) bool { return gazKind[strings.ToLower(normQuotes(name))] == "ORG" }

// IsTitle reports whether s is a title that precedes names ("Foreign
// Minister", "Gen.").
func IsTitle(s string) bool { return gazKind[strings.ToLower(s)] == "TITLE" }

// IsFirstName reports whether s is a common given name.
func IsFirstName(s string) bool { return gazKind[strings.ToLower(s)] == "FIRST" }

// normQuotes turns typographic apostrophes and quotes into ASCII ones.
func normQuotes(s string) string {
	if !strings.ContainsAny(s, "\u2018\u2019\u201c\u201d") {
		return s
	}
	return quoteNorm.Replace(s)
}

var quoteNorm = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`)

// The lists below serve the actors package only. They stay out of gazKind
// on purpose: the entity tagger was trained with gazKind features, and
// changing them would shift its CoNLL figures without retraining.

// andNames are single names that contain "and": countries, territories
// and firms a reader never splits in two.
const andNames = `Bosnia and Herzegovina|Trinidad and Tobago|Antigua and Barbuda|Saint Kitts and Nevis|St Kitts and Nevis|Saint Vincent and the Grenadines|Sao Tome and Principe|Turks and Caicos|Turks and Caicos Islands|Heard and McDonald Islands|Wallis and Futuna|Saint Pierre and Miquelon|Svalbard and Jan Mayen|Procter and Gamble|Procter & Gamble|Ernst and Young|Ernst & Young|Marks and Spencer|Marks & Spencer|Johnson and Johnson|Johnson & Johnson|Black and Decker|Black & Decker|Crosse and Blackwell|Barnes and Noble|Barnes & Noble|Simon and Schuster|Simon & Schuster|Standard and Poor's|Standard & Poor's|Dolce and Gabbana|Dolce & Gabbana|Rolls and Royce|Bang and Olufsen|Bang & Olufsen|Tate and Lyle|Tate & Lyle|Herbert Smith Freehills|Allen and Overy|Allen & Overy|Clifford Chance|Skadden, Arps|Arm and Hammer|Tom and Jerry|Mumford and Sons`

// wireAgencies are news agencies: in a dateline or a credit they name the
// source of the text, not an actor of the story.
const wireAgencies = `Reuters|Thomson Reuters|AP|Associated Press|AFP|Agence France-Presse|Agence France Presse|AA|Anadolu|Anadolu Agency|dpa|DPA|Deutsche Presse-Agentur|Xinhua|TASS|ITAR-TASS|Interfax|RIA|RIA Novosti|EFE|ANSA|Kyodo|Kyodo News|Yonhap|PA|PA Media|Press Association|UPI|United Press International|Bernama|ANI|PTI|Press Trust of India|IRNA|WAFA|SANA|KCNA|Bloomberg|Bloomberg News|Dow Jones|CNA|Antara|APA|Ukrinform|BTA|Tanjug|HINA|Belga|ANP|NTB|TT|Ritzau|STT|Lusa|Europa Press|Notimex|Prensa Latina|Jiji|Jiji Press`

// placeHeads end place names ("Halvard Valley", "Corvan Strait"); a few
// ("Port", "Gulf", "Mount", "Lake") also start them ("Port of Dastra",
// "Lake Geneva").
const placeHeads = `Valley|Valleys|River|Rivers|Mountains|Mountain|Mount|Hills|Highlands|Strait|Straits|Sea|Ocean|Bay|Gulf|Island|Islands|Isles|Peninsula|Desert|Lake|Lakes|Province|Region|District|Oblast|Governorate|Prefecture|Harbour|Harbor|Port|Coast|Plateau|Basin|Canal|Delta|Pass|Heights|Plain|Plains|Steppe|Glacier|Archipelago|Lagoon|Fjord|Estuary|Corridor|Enclave|Territory|Territories|Marshes|Reef|Cape`

// placeLeads start place names followed by "of" or a name ("Port of
// Dastra", "Gulf of Aden", "Mount Elbrus").
const placeLeads = `Port|Gulf|Bay|Strait|Straits|Sea|Isle|Island|Islands|Lake|Mount|Cape|Valley|Province|Region|District|Republic|Kingdom|Sultanate|Emirate|Principality|Duchy|Grand Duchy`

// orgHeads end organisation names, or start them before "of"/"for"
// ("Geneva Centre for Border Mediation", "Ministry of Defence").
const orgHeads = `Council|Centre|Center|Ministry|Agency|Authority|Authorities|Bank|Fund|Office|Commission|Compact|Alliance|Party|Army|Forces|Force|Navy|Guard|Guards|Press|Wire|Institute|Institution|University|Committee|Union|Association|Federation|Confederation|Organisation|Organization|Foundation|Court|Tribunal|Parliament|Assembly|Congress|Senate|Corporation|Corp|Company|Co|Inc|Ltd|Plc|LLC|Group|Holdings|Front|Movement|League|Coalition|Bureau|Directorate|Secretariat|Programme|Program|Mission|Service|Services|Department|Board|Police|Gendarmerie|Brigade|Brigades|Regiment|Battalion|Militia|Network|News|Times|Post|Journal|Gazette|Herald|Ledger|Tribune|Observer|Television|Radio|Broadcasting|Exchange|Society|Trust|Initiative|Consortium|Partners|Partnership|Industries|Systems|Technologies|Airlines|Airways|Motors|Energy|Shipping|Freight|Logistics|Lines|Telecom|Pharmaceuticals|Capital|Securities|Insurance|Club|Cabinet|Government|Administration|Junta|Church|Synod|Caucus|Chamber|Delegation|Observatory|Watch|Monitor|Forum|Academy|School|College|Hospital|Clinic`

var (
	gazAndName   = map[string]bool{}
	gazWire      = map[string]bool{}
	gazPlaceHead = map[string]bool{}
	gazPlaceLead = map[string]bool{}
	gazOrgHead   = map[string]bool{}
)

func init() {
	for _, s := range strings.Split(andNames, "|") {
		gazAndName[strings.ToLower(s)] = true
	}
	for _, s := range strings.Split(wireAgencies, "|") {
		gazWire[s] = true // case matters: "AP" the agency, not "ap"
	}
	for _, s := range strings.Split(placeHeads, "|") {
		gazPlaceHead[s] = true
	}
	for _, s := range strings.Split(placeLeads, "|") {
		gazPlaceLead[s] = true
	}
	for _, s := range strings.Split(orgHeads, "|") {
		gazOrgHead[s] = true
	}
}

// IsAndName reports whether name is one name that contains "and" or "&"
// ("Bosnia and Herzegovina", "Procter & Gamble"), not two names joined.
func IsAndName(name string) bool {
	return gazAndName[strings.ToLower(normQuotes(name))] || gazKind[strings.ToLower(normQuotes(name))] != ""
}

// IsWire reports whether name is a news agency ("Reuters", "AFP", "AA").
func IsWire(name string) bool { return gazWire[strings.TrimSpace(name)] }

// NameHead types a multi-word name by its head word: "LOC" for "Halvard
// Valley", "Port of Dastra" or "Gulf of Aden", "ORG" for "Geneva Centre for
// Border Mediation" or "Northern Defence Compact", "" when the words say
// nothing. The head is the last word before "of"/"for"/"on", else the last
// word; a leading place word before "of" ("Port of", "Gulf of") wins.
func NameHead(name string) string {
	ws := strings.Fields(normQuotes(name))
	if len(ws) < 2 {
		return ""
	}
	for i, w := range ws {
		ws[i] = strings.Trim(w, ".,;:()")
	}
	head := ws[len(ws)-1]
	for i := 1; i < len(ws); i++ {
		if l := ws[i]; l == "of" || l == "for" || l == "on" || l == "de" {
			head = ws[i-1]
			if i == 1 && gazPlaceLead[ws[0]] {
				return "LOC"
			}
			break
		}
	}
	switch {
	case gazOrgHead[head]:
		return "ORG"
	case gazPlaceHead[head]:
		return "LOC"
	case (ws[0] == "Mount" || ws[0] == "Lake" || ws[0] == "Cape") && len(ws) == 2:
		return "LOC"
	}
	return ""
}
