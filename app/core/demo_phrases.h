#pragma once
// The word banks the demo practice is written from: names from many cultures and scripts,
// occupations, health histories, complaint patterns, rationales and SOAP-note phrases. Private to
// demo_practice.cpp; nothing else should include it. Every entry is plain data, so a richer demo
// needs new lines here, not new code.
//
// Placeholders filled in by demo_practice.cpp: {side} ("left"/"right"), {muscle} (a muscle as it
// reads in a sentence), {caution}, {activity}, {month} ("March 2024"), {year}, {n}.
#include "client/client.h"
#include "common/body_region.h"
#include "plan/treatment_plan.h"

#include <array>
#include <span>
#include <string_view>

namespace knotwork::app::demo {

// ---- Names ------------------------------------------------------------------------------------

// `latin` is the ASCII spelling used for an e-mail address; empty when the name is ASCII already.
// `preferred` is the name the client goes by, when it differs.
struct NameEntry {
    std::string_view name;
    std::string_view latin = {};
    std::string_view preferred = {};
};

struct NameCulture {
    std::string_view label;
    std::span<const NameEntry> female;
    std::span<const NameEntry> male;
    std::span<const NameEntry> family;
    int weight; // relative share of the client list
};

inline constexpr auto anglo_female = std::to_array<NameEntry>({{"Emma"},
                                                               {"Olivia"},
                                                               {"Charlotte"},
                                                               {"Hannah"},
                                                               {"Megan"},
                                                               {"Chloe"},
                                                               {"Sarah"},
                                                               {"Rebecca"},
                                                               {"Margaret", {}, "Peggy"},
                                                               {"Elizabeth", {}, "Liz"},
                                                               {"Katherine", {}, "Kate"},
                                                               {"Jennifer", {}, "Jen"}});
inline constexpr auto anglo_male = std::to_array<NameEntry>({{"James"},
                                                             {"William", {}, "Bill"},
                                                             {"Thomas"},
                                                             {"Daniel"},
                                                             {"Matthew"},
                                                             {"Robert", {}, "Rob"},
                                                             {"Christopher", {}, "Chris"},
                                                             {"Andrew"},
                                                             {"Michael"},
                                                             {"Jack"},
                                                             {"Edward", {}, "Ted"}});
inline constexpr auto anglo_family = std::to_array<NameEntry>(
    {{"Smith"},  {"Thompson"},   {"O'Brien"},  {"MacDonald"}, {"Campbell"}, {"Walker"},     {"Harris-Jones"},
     {"Wright"}, {"Fitzgerald"}, {"Morrison"}, {"Clarke"},    {"Murphy"},   {"St. Pierre"}, {"McAllister"},
     {"Baker"},  {"Hughes"},     {"Edwards"},  {"Robinson"},  {"Turner"},   {"Cooper"},     {"Bennett"},
     {"Gray"},   {"Ward"},       {"Foster"},   {"Hamilton"},  {"Sinclair"}});

inline constexpr auto irish_female = std::to_array<NameEntry>(
    {{"Siobhán", "siobhan"}, {"Aoife"}, {"Niamh"}, {"Caoimhe", {}, "Keeva"}, {"Róisín", "roisin"}});
inline constexpr auto irish_male = std::to_array<NameEntry>(
    {{"Seán", "sean"}, {"Ciarán", "ciaran"}, {"Pádraig", "padraig", "Paddy"}, {"Oisín", "oisin"}});
inline constexpr auto irish_family = std::to_array<NameEntry>({{"Ó Súilleabháin", "osuilleabhain"},
                                                               {"Mac Cárthaigh", "maccarthaigh"},
                                                               {"Ó Conchúir", "oconchuir"},
                                                               {"Breathnach"},
                                                               {"Kennedy"}});

inline constexpr auto hispanic_female = std::to_array<NameEntry>({{"María José", "mariajose"},
                                                                  {"Lucía", "lucia"},
                                                                  {"Inés", "ines"},
                                                                  {"Ximena"},
                                                                  {"Begoña", "begona"},
                                                                  {"Mónica", "monica"},
                                                                  {"Ángela", "angela"},
                                                                  {"Guadalupe", {}, "Lupita"}});
inline constexpr auto hispanic_male = std::to_array<NameEntry>({{"José Luis", "joseluis"},
                                                                {"Andrés", "andres"},
                                                                {"Joaquín", "joaquin"},
                                                                {"Martín", "martin"},
                                                                {"Rubén", "ruben"},
                                                                {"Iñaki", "inaki"},
                                                                {"Francisco", {}, "Paco"}});
inline constexpr auto hispanic_family = std::to_array<NameEntry>({{"Núñez Peña", "nunezpena"},
                                                                  {"Fernández", "fernandez"},
                                                                  {"Gutiérrez", "gutierrez"},
                                                                  {"Muñoz", "munoz"},
                                                                  {"Ibáñez", "ibanez"},
                                                                  {"Sánchez López", "sanchezlopez"},
                                                                  {"de la Cruz"},
                                                                  {"Ortega"}});

inline constexpr auto lusophone_female = std::to_array<NameEntry>(
    {{"Inês", "ines"}, {"Luísa", "luisa"}, {"Beatriz"}, {"Conceição", "conceicao"}, {"Thaís", "thais"}});
inline constexpr auto lusophone_male = std::to_array<NameEntry>(
    {{"João", "joao"}, {"Gonçalo", "goncalo"}, {"Sebastião", "sebastiao"}, {"Luís", "luis"}});
inline constexpr auto lusophone_family = std::to_array<NameEntry>({{"Gonçalves", "goncalves"},
                                                                   {"Araújo", "araujo"},
                                                                   {"Magalhães", "magalhaes"},
                                                                   {"Simões", "simoes"},
                                                                   {"da Silva"}});

inline constexpr auto french_female = std::to_array<NameEntry>({{"Élodie", "elodie"},
                                                                {"Hélène", "helene"},
                                                                {"Océane", "oceane"},
                                                                {"Maëlle", "maelle"},
                                                                {"Françoise", "francoise"},
                                                                {"Geneviève", "genevieve"}});
inline constexpr auto french_male = std::to_array<NameEntry>({{"François", "francois"},
                                                              {"Jérôme", "jerome"},
                                                              {"Benoît", "benoit"},
                                                              {"Gaëtan", "gaetan"},
                                                              {"Jean-Luc"},
                                                              {"Stéphane", "stephane"}});
inline constexpr auto french_family = std::to_array<NameEntry>({{"Lefèvre", "lefevre"},
                                                                {"Dubois"},
                                                                {"Bérubé", "berube"},
                                                                {"Côté", "cote"},
                                                                {"Gagnon"},
                                                                {"Tremblay"},
                                                                {"Lévesque", "levesque"}});

inline constexpr auto german_female =
    std::to_array<NameEntry>({{"Sabine"}, {"Ute"}, {"Käthe", "kathe"}, {"Lena"}, {"Jördis", "jordis"}});
inline constexpr auto german_male =
    std::to_array<NameEntry>({{"Jürgen", "jurgen"}, {"Jörg", "jorg"}, {"Matthias"}, {"Günther", "gunther"}});
inline constexpr auto german_family = std::to_array<NameEntry>({{"Müller", "muller"},
                                                                {"Schäfer", "schafer"},
                                                                {"Groß", "gross"},
                                                                {"Köhler", "kohler"},
                                                                {"Weiß", "weiss"}});

inline constexpr auto nordic_female =
    std::to_array<NameEntry>({{"Åsa", "asa"}, {"Sigríður", "sigridur", "Sigga"}, {"Ingrid"}, {"Maja"}});
inline constexpr auto nordic_male = std::to_array<NameEntry>(
    {{"Søren", "soren"}, {"Bjørn", "bjorn"}, {"Håkon", "hakon"}, {"Þórður", "thordur"}});
inline constexpr auto nordic_family = std::to_array<NameEntry>(
    {{"Lindqvist"}, {"Ødegaard", "odegaard"}, {"Håkansson", "hakansson"}, {"Sørensen", "sorensen"}});

inline constexpr auto west_slavic_female = std::to_array<NameEntry>(
    {{"Małgorzata", "malgorzata", "Gosia"}, {"Zofia"}, {"Agnieszka"}, {"Markéta", "marketa"}});
inline constexpr auto west_slavic_male = std::to_array<NameEntry>(
    {{"Łukasz", "lukasz"}, {"Grzegorz"}, {"Wojciech", {}, "Wojtek"}, {"Jiří", "jiri"}, {"Tomáš", "tomas"}});
inline constexpr auto west_slavic_family = std::to_array<NameEntry>(
    {{"Nowak"}, {"Wróbel", "wrobel"}, {"Kowalczyk"}, {"Krawczyk"}, {"Dvořák", "dvorak"}, {"Svoboda"}});

inline constexpr auto turkish_female = std::to_array<NameEntry>(
    {{"Çağla", "cagla"}, {"Şule", "sule"}, {"Gülşen", "gulsen"}, {"Özlem", "ozlem"}});
inline constexpr auto turkish_male =
    std::to_array<NameEntry>({{"Özgür", "ozgur"}, {"Uğur", "ugur"}, {"Mehmet"}, {"Çağrı", "cagri"}});
inline constexpr auto turkish_family = std::to_array<NameEntry>(
    {{"Yılmaz", "yilmaz"}, {"Şahin", "sahin"}, {"Öztürk", "ozturk"}, {"Çelik", "celik"}, {"Doğan", "dogan"}});

inline constexpr auto hungarian_female = std::to_array<NameEntry>(
    {{"Zsófia", "zsofia", "Zsófi"}, {"Réka", "reka"}, {"Ágnes", "agnes"}, {"Erzsébet", "erzsebet"}});
inline constexpr auto hungarian_male = std::to_array<NameEntry>(
    {{"Ádám", "adam"}, {"Gergő", "gergo"}, {"Zoltán", "zoltan"}, {"Péter", "peter"}});
inline constexpr auto hungarian_family = std::to_array<NameEntry>(
    {{"Kovács", "kovacs"}, {"Szabó", "szabo"}, {"Tóth", "toth"}, {"Horváth", "horvath"}, {"Varga"}});

inline constexpr auto italian_female =
    std::to_array<NameEntry>({{"Giulia"}, {"Chiara"}, {"Francesca"}, {"Lucrezia"}});
inline constexpr auto italian_male = std::to_array<NameEntry>(
    {{"Niccolò", "niccolo"}, {"Luca"}, {"Giuseppe", {}, "Joe"}, {"Salvatore", {}, "Sal"}});
inline constexpr auto italian_family =
    std::to_array<NameEntry>({{"Rossi"}, {"Esposito"}, {"Bianchi"}, {"D'Angelo"}, {"Lo Bianco"}});

inline constexpr auto dutch_female = std::to_array<NameEntry>({{"Femke"}, {"Sanne"}, {"Anouk"}});
inline constexpr auto dutch_male = std::to_array<NameEntry>({{"Bram"}, {"Joost"}, {"Sjoerd"}});
inline constexpr auto dutch_family =
    std::to_array<NameEntry>({{"van den Berg"}, {"de Vries"}, {"van Dijk"}, {"Bakker"}});

inline constexpr auto vietnamese_female = std::to_array<NameEntry>({{"Thị Hương", "huong"},
                                                                    {"Ngọc Anh", "ngocanh"},
                                                                    {"Thu Trang", "thutrang"},
                                                                    {"Minh Thư", "minhthu", "Anna"}});
inline constexpr auto vietnamese_male = std::to_array<NameEntry>(
    {{"Văn Đức", "duc"}, {"Quốc Bảo", "quocbao"}, {"Minh Tuấn", "minhtuan"}, {"Đức Anh", "ducanh", "Tony"}});
inline constexpr auto vietnamese_family = std::to_array<NameEntry>({{"Nguyễn", "nguyen"},
                                                                    {"Trần", "tran"},
                                                                    {"Lê", "le"},
                                                                    {"Phạm", "pham"},
                                                                    {"Hoàng", "hoang"},
                                                                    {"Võ", "vo"}});

inline constexpr auto chinese_female = std::to_array<NameEntry>(
    {{"秀英", "xiuying", "Grace"}, {"丽娜", "lina"}, {"静", "jing"}, {"晓梅", "xiaomei"}});
inline constexpr auto chinese_male = std::to_array<NameEntry>(
    {{"伟", "wei"}, {"明", "ming", "Jimmy"}, {"建国", "jianguo"}, {"浩然", "haoran"}});
inline constexpr auto chinese_family = std::to_array<NameEntry>(
    {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}, {"陈", "chen"}, {"刘", "liu"}, {"黄", "huang"}});

inline constexpr auto chinese_latin_female = std::to_array<NameEntry>(
    {{"Mei Ling", "meiling"}, {"Xiaoling"}, {"Jia Hui", "jiahui"}, {"Wing Yan", "wingyan", "Winnie"}});
inline constexpr auto chinese_latin_male =
    std::to_array<NameEntry>({{"Jun"}, {"Zhi Wei", "zhiwei"}, {"Hao"}, {"Ka Ming", "kaming", "Kevin"}});
inline constexpr auto chinese_latin_family =
    std::to_array<NameEntry>({{"Wong"}, {"Chan"}, {"Zhang"}, {"Lau"}, {"Cheung"}, {"Ng"}});

inline constexpr auto japanese_female =
    std::to_array<NameEntry>({{"花子", "hanako"}, {"美咲", "misaki"}, {"陽菜", "hina"}});
inline constexpr auto japanese_male =
    std::to_array<NameEntry>({{"健太", "kenta"}, {"翔", "sho"}, {"大輔", "daisuke"}});
inline constexpr auto japanese_family = std::to_array<NameEntry>(
    {{"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"}});

inline constexpr auto korean_female =
    std::to_array<NameEntry>({{"서연", "seoyeon"}, {"지민", "jimin"}, {"민지", "minji", "Minnie"}});
inline constexpr auto korean_male =
    std::to_array<NameEntry>({{"민준", "minjun"}, {"지훈", "jihoon"}, {"현우", "hyunwoo"}});
inline constexpr auto korean_family =
    std::to_array<NameEntry>({{"김", "kim"}, {"이", "lee"}, {"박", "park"}, {"최", "choi"}});

inline constexpr auto arabic_female =
    std::to_array<NameEntry>({{"فاطمة", "fatima"}, {"ليلى", "layla"}, {"مريم", "maryam"}, {"نور", "nour"}});
inline constexpr auto arabic_male = std::to_array<NameEntry>(
    {{"محمد", "mohammed"}, {"عمر", "omar"}, {"يوسف", "youssef"}, {"خالد", "khaled"}});
inline constexpr auto arabic_family = std::to_array<NameEntry>(
    {{"حداد", "haddad"}, {"العلي", "alali"}, {"منصور", "mansour"}, {"خوري", "khoury"}});

inline constexpr auto arabic_latin_female =
    std::to_array<NameEntry>({{"Fatima"}, {"Layla"}, {"Nour"}, {"Yasmin"}, {"Rania"}});
inline constexpr auto arabic_latin_male =
    std::to_array<NameEntry>({{"Omar"}, {"Youssef"}, {"Karim"}, {"Tariq"}, {"Mohammed", {}, "Mo"}});
inline constexpr auto arabic_latin_family =
    std::to_array<NameEntry>({{"Haddad"}, {"Al-Sayed"}, {"Mansour"}, {"Khoury"}, {"Abdullah"}, {"El-Amin"}});

inline constexpr auto hebrew_female =
    std::to_array<NameEntry>({{"נועה", "noa"}, {"שירה", "shira"}, {"תמר", "tamar"}});
inline constexpr auto hebrew_male =
    std::to_array<NameEntry>({{"יוסף", "yosef"}, {"דוד", "david"}, {"אריאל", "ariel"}});
inline constexpr auto hebrew_family =
    std::to_array<NameEntry>({{"כהן", "cohen"}, {"לוי", "levi"}, {"מזרחי", "mizrahi"}, {"פרץ", "peretz"}});

inline constexpr auto greek_female = std::to_array<NameEntry>(
    {{"Ελένη", "eleni"}, {"Μαρία", "maria"}, {"Αικατερίνη", "aikaterini", "Katerina"}});
inline constexpr auto greek_male = std::to_array<NameEntry>(
    {{"Γιώργος", "giorgos", "George"}, {"Δημήτρης", "dimitris"}, {"Νίκος", "nikos"}});
inline constexpr auto greek_family = std::to_array<NameEntry>(
    {{"Νικολάου", "nikolaou"}, {"Γεωργίου", "georgiou"}, {"Ιωάννου", "ioannou"}, {"Δημητρίου", "dimitriou"}});

inline constexpr auto ukrainian_female = std::to_array<NameEntry>(
    {{"Олена", "olena"}, {"Ірина", "iryna"}, {"Наталія", "nataliia"}, {"Анастасія", "anastasiia", "Nastia"}});
inline constexpr auto ukrainian_male = std::to_array<NameEntry>(
    {{"Олександр", "oleksandr", "Sasha"}, {"Дмитро", "dmytro"}, {"Андрій", "andrii"}, {"Сергій", "serhii"}});
inline constexpr auto ukrainian_family = std::to_array<NameEntry>({{"Шевченко", "shevchenko"},
                                                                   {"Коваленко", "kovalenko"},
                                                                   {"Бондаренко", "bondarenko"},
                                                                   {"Ткачук", "tkachuk"},
                                                                   {"Мельник", "melnyk"}});

inline constexpr auto south_asian_female =
    std::to_array<NameEntry>({{"Priya"}, {"Ananya"}, {"Lakshmi"}, {"Harpreet"}, {"Sunita"}, {"Divya"}});
inline constexpr auto south_asian_male = std::to_array<NameEntry>(
    {{"Arjun"}, {"Rohan"}, {"Vikram", {}, "Vik"}, {"Gurpreet"}, {"Sanjay"}, {"Rahul"}});
inline constexpr auto south_asian_family = std::to_array<NameEntry>(
    {{"Sharma"}, {"Patel"}, {"Iyer"}, {"Gill"}, {"Sandhu"}, {"Chatterjee"}, {"Reddy"}});

inline constexpr auto west_african_female =
    std::to_array<NameEntry>({{"Ngozi"}, {"Chidinma"}, {"Adaeze"}, {"Abena"}, {"Folasade", {}, "Sade"}});
inline constexpr auto west_african_male =
    std::to_array<NameEntry>({{"Chinedu"}, {"Kwame"}, {"Oluwaseun", {}, "Seun"}, {"Emeka"}, {"Kofi"}});
inline constexpr auto west_african_family = std::to_array<NameEntry>(
    {{"Okafor"}, {"Mensah"}, {"Adeyemi"}, {"Eze"}, {"Boateng"}, {"Oyelaran"}, {"Nwosu"}});

inline constexpr auto east_african_female =
    std::to_array<NameEntry>({{"Hiwot"}, {"Meron"}, {"Wanjiru"}, {"Amina"}});
inline constexpr auto east_african_male =
    std::to_array<NameEntry>({{"Abebe"}, {"Tesfaye"}, {"Kamau"}, {"Juma"}});
inline constexpr auto east_african_family =
    std::to_array<NameEntry>({{"Bekele"}, {"Haile"}, {"Mwangi"}, {"Otieno"}, {"Girma"}});

inline constexpr auto filipino_female =
    std::to_array<NameEntry>({{"Maricel"}, {"Jocelyn", {}, "Joy"}, {"Rowena"}, {"Ligaya"}});
inline constexpr auto filipino_male =
    std::to_array<NameEntry>({{"Rommel"}, {"Nestor"}, {"Jose Maria", "josemaria", "Jun-Jun"}, {"Arnel"}});
inline constexpr auto filipino_family =
    std::to_array<NameEntry>({{"Dela Cruz"}, {"Santos"}, {"Reyes"}, {"Bautista"}, {"Mendoza"}});

inline constexpr auto persian_female = std::to_array<NameEntry>({{"Shirin"}, {"Parisa"}, {"Nasrin"}});
inline constexpr auto persian_male = std::to_array<NameEntry>({{"Dariush"}, {"Reza"}, {"Kourosh"}});
inline constexpr auto persian_family =
    std::to_array<NameEntry>({{"Farahani"}, {"Tehrani"}, {"Mohammadi"}, {"Rostami"}});

inline constexpr auto pacific_female =
    std::to_array<NameEntry>({{"Aroha"}, {"Mere"}, {"Kaʻiulani", "kaiulani"}});
inline constexpr auto pacific_male = std::to_array<NameEntry>({{"Tama"}, {"Wiremu", {}, "Bill"}, {"Keola"}});
inline constexpr auto pacific_family =
    std::to_array<NameEntry>({{"Ngata"}, {"Te Whiu"}, {"Kealoha"}, {"Tuilagi"}});

inline constexpr auto name_cultures = std::to_array<NameCulture>({
    {"English", anglo_female, anglo_male, anglo_family, 150},
    {"Irish", irish_female, irish_male, irish_family, 15},
    {"Spanish", hispanic_female, hispanic_male, hispanic_family, 60},
    {"Portuguese", lusophone_female, lusophone_male, lusophone_family, 35},
    {"French", french_female, french_male, french_family, 45},
    {"German", german_female, german_male, german_family, 20},
    {"Nordic", nordic_female, nordic_male, nordic_family, 12},
    {"Polish and Czech", west_slavic_female, west_slavic_male, west_slavic_family, 25},
    {"Turkish", turkish_female, turkish_male, turkish_family, 15},
    {"Hungarian", hungarian_female, hungarian_male, hungarian_family, 10},
    {"Italian", italian_female, italian_male, italian_family, 30},
    {"Dutch", dutch_female, dutch_male, dutch_family, 10},
    {"Vietnamese", vietnamese_female, vietnamese_male, vietnamese_family, 25},
    {"Chinese", chinese_female, chinese_male, chinese_family, 20},
    {"Chinese (romanised)", chinese_latin_female, chinese_latin_male, chinese_latin_family, 40},
    {"Japanese", japanese_female, japanese_male, japanese_family, 8},
    {"Korean", korean_female, korean_male, korean_family, 12},
    {"Arabic", arabic_female, arabic_male, arabic_family, 10},
    {"Arabic (romanised)", arabic_latin_female, arabic_latin_male, arabic_latin_family, 30},
    {"Hebrew", hebrew_female, hebrew_male, hebrew_family, 8},
    {"Greek", greek_female, greek_male, greek_family, 10},
    {"Ukrainian", ukrainian_female, ukrainian_male, ukrainian_family, 15},
    {"South Asian", south_asian_female, south_asian_male, south_asian_family, 60},
    {"West African", west_african_female, west_african_male, west_african_family, 35},
    {"East African", east_african_female, east_african_male, east_african_family, 15},
    {"Filipino", filipino_female, filipino_male, filipino_family, 30},
    {"Persian", persian_female, persian_male, persian_family, 12},
    {"Pacific", pacific_female, pacific_male, pacific_family, 5},
});

// Cultures a demo of a few dozen clients always shows, so every script appears on screen: CJK,
// Hangul, Arabic, Hebrew, Greek, Cyrillic, and Latin with the trickier diacritics.
inline constexpr auto forced_cultures = std::to_array<std::string_view>(
    {"Chinese", "Korean", "Arabic", "Hebrew", "Greek", "Ukrainian", "Japanese", "Vietnamese", "Nordic",
     "Polish and Czech", "Turkish", "Spanish", "French", "Hungarian"});

// ---- Places and people around the practice ----------------------------------------------------

inline constexpr auto street_names = std::to_array<std::string_view>(
    {"Ossington Avenue",     "Queen Street West",    "Dundas Street East", "Bathurst Street",
     "Danforth Avenue",      "Spadina Avenue",       "Bloor Street West",  "College Street",
     "Gerrard Street East",  "Eglinton Avenue West", "Kingston Road",      "Roncesvalles Avenue",
     "Pape Avenue",          "Jane Street",          "Finch Avenue East",  "Lake Shore Boulevard West",
     "Sheppard Avenue West", "Yonge Street",         "Broadview Avenue",   "Dufferin Street"});

struct CityArea {
    std::string_view city;
    char postal_letter; // first letter of the postal code
};
inline constexpr auto city_areas = std::to_array<CityArea>({{"Toronto", 'M'},
                                                            {"Toronto", 'M'},
                                                            {"Toronto", 'M'},
                                                            {"Toronto", 'M'},
                                                            {"North York", 'M'},
                                                            {"Scarborough", 'M'},
                                                            {"Etobicoke", 'M'},
                                                            {"Mississauga", 'L'},
                                                            {"Brampton", 'L'},
                                                            {"Markham", 'L'}});

inline constexpr std::string_view postal_letters = "ABCEGHJKLMNPRSTVWXYZ";
inline constexpr auto area_codes = std::to_array<std::string_view>({"416", "647", "437", "905", "289"});
inline constexpr auto email_domains =
    std::to_array<std::string_view>({"example.com", "example.org", "example.net"});

inline constexpr auto physicians = std::to_array<std::string_view>(
    {"Dr. Amara Nwosu", "Dr. Daniel Lévesque", "Dr. Priya Raman", "Dr. Hyun-woo Park", "Dr. Sarah Goldberg",
     "Dr. Ahmed Siddiqui", "Dr. Ioana Popescu", "Dr. Kenji Watanabe", "Dr. Marguerite Côté",
     "Dr. Tomás Ferreira"});

inline constexpr auto referral_sources =
    std::to_array<std::string_view>({"Self", "Self", "Website", "Google search", "Friend", "Family member",
                                     "Family physician", "Family physician", "Physiotherapist",
                                     "Chiropractor", "Employer wellness programme", "Instagram", "Walk-in"});

inline constexpr auto emergency_relations = std::to_array<std::string_view>(
    {"partner", "spouse", "mother", "father", "sister", "brother", "daughter", "son", "friend"});

// ---- Occupations ------------------------------------------------------------------------------

enum class WorkKind { desk, physical, athlete, retired, student };

struct Occupation {
    std::string_view title;
    ActivityLevel activity;
    WorkKind kind;
    int min_age;
    int max_age;
};

inline constexpr auto occupations = std::to_array<Occupation>({
    {"Software developer", ActivityLevel::desk_work, WorkKind::desk, 22, 60},
    {"Accountant", ActivityLevel::desk_work, WorkKind::desk, 24, 65},
    {"Call-centre agent", ActivityLevel::desk_work, WorkKind::desk, 19, 60},
    {"Graphic designer", ActivityLevel::desk_work, WorkKind::desk, 22, 55},
    {"Lawyer", ActivityLevel::desk_work, WorkKind::desk, 26, 68},
    {"Administrative assistant", ActivityLevel::desk_work, WorkKind::desk, 20, 65},
    {"Data analyst", ActivityLevel::desk_work, WorkKind::desk, 22, 55},
    {"Architect", ActivityLevel::desk_work, WorkKind::desk, 25, 68},
    {"Civil servant", ActivityLevel::desk_work, WorkKind::desk, 22, 65},
    {"Translator", ActivityLevel::desk_work, WorkKind::desk, 24, 70},
    {"Journalist", ActivityLevel::desk_work, WorkKind::desk, 22, 65},
    {"Project manager", ActivityLevel::desk_work, WorkKind::desk, 26, 64},
    {"Cellist (orchestra)", ActivityLevel::moderate, WorkKind::desk, 22, 65},
    {"Registered nurse", ActivityLevel::active, WorkKind::physical, 22, 65},
    {"Warehouse associate", ActivityLevel::active, WorkKind::physical, 19, 60},
    {"Carpenter", ActivityLevel::active, WorkKind::physical, 19, 65},
    {"Hairdresser", ActivityLevel::moderate, WorkKind::physical, 19, 65},
    {"Delivery driver", ActivityLevel::moderate, WorkKind::physical, 21, 65},
    {"Chef", ActivityLevel::active, WorkKind::physical, 20, 62},
    {"Primary school teacher", ActivityLevel::moderate, WorkKind::physical, 23, 65},
    {"Dental hygienist", ActivityLevel::moderate, WorkKind::physical, 22, 63},
    {"Landscaper", ActivityLevel::active, WorkKind::physical, 19, 60},
    {"Bus driver", ActivityLevel::sedentary, WorkKind::physical, 25, 65},
    {"Personal support worker", ActivityLevel::active, WorkKind::physical, 20, 65},
    {"Electrician", ActivityLevel::active, WorkKind::physical, 20, 65},
    {"Retail store manager", ActivityLevel::moderate, WorkKind::physical, 22, 65},
    {"Parent at home", ActivityLevel::moderate, WorkKind::physical, 24, 50},
    {"Marathon runner and physiotherapy assistant", ActivityLevel::athlete, WorkKind::athlete, 22, 55},
    {"Competitive rower", ActivityLevel::athlete, WorkKind::athlete, 18, 35},
    {"Semi-professional footballer", ActivityLevel::athlete, WorkKind::athlete, 18, 34},
    {"Triathlete and cycling coach", ActivityLevel::athlete, WorkKind::athlete, 24, 55},
    {"Contemporary dancer", ActivityLevel::athlete, WorkKind::athlete, 18, 38},
    {"CrossFit coach", ActivityLevel::athlete, WorkKind::athlete, 20, 50},
    {"Varsity swimmer (student)", ActivityLevel::athlete, WorkKind::athlete, 18, 24},
    {"Junior hockey player", ActivityLevel::athlete, WorkKind::athlete, 18, 21},
    {"Personal trainer", ActivityLevel::active, WorkKind::athlete, 20, 55},
    {"Retired teacher", ActivityLevel::moderate, WorkKind::retired, 60, 85},
    {"Retired nurse", ActivityLevel::moderate, WorkKind::retired, 60, 85},
    {"Retired engineer", ActivityLevel::sedentary, WorkKind::retired, 62, 85},
    {"Retired bus driver", ActivityLevel::sedentary, WorkKind::retired, 62, 85},
    {"Retired; volunteers at the food bank", ActivityLevel::active, WorkKind::retired, 60, 82},
    {"University student", ActivityLevel::moderate, WorkKind::student, 18, 26},
    {"Graduate student", ActivityLevel::desk_work, WorkKind::student, 22, 34},
});

// ---- Health history ---------------------------------------------------------------------------

inline constexpr auto month_names =
    std::to_array<std::string_view>({"January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"});

struct MedicationName {
    MedicationClass medication_class;
    std::string_view name;
};
inline constexpr auto anticoagulants =
    std::to_array<MedicationName>({{MedicationClass::anticoagulant, "Warfarin 5 mg"},
                                   {MedicationClass::anticoagulant, "Apixaban 5 mg twice daily"},
                                   {MedicationClass::anticoagulant, "Rivaroxaban 20 mg"},
                                   {MedicationClass::anticoagulant, "Dabigatran 150 mg twice daily"}});
inline constexpr auto corticosteroids =
    std::to_array<MedicationName>({{MedicationClass::corticosteroid, "Prednisone 5 mg"},
                                   {MedicationClass::corticosteroid, "Prednisolone 10 mg (tapering)"}});
inline constexpr auto muscle_relaxants =
    std::to_array<MedicationName>({{MedicationClass::muscle_relaxant, "Cyclobenzaprine 10 mg at night"},
                                   {MedicationClass::muscle_relaxant, "Methocarbamol 750 mg"},
                                   {MedicationClass::muscle_relaxant, "Baclofen 10 mg"}});
inline constexpr auto pain_killers =
    std::to_array<MedicationName>({{MedicationClass::pain_killer, "Ibuprofen 400 mg as needed"},
                                   {MedicationClass::pain_killer, "Naproxen 500 mg twice daily"},
                                   {MedicationClass::pain_killer, "Acetaminophen 500 mg as needed"},
                                   {MedicationClass::pain_killer, "Tramadol 50 mg"},
                                   {MedicationClass::pain_killer, "Diclofenac gel 1% (topical)"}});
inline constexpr auto everyday_medications =
    std::to_array<MedicationName>({{MedicationClass::other, "Levothyroxine 50 mcg"},
                                   {MedicationClass::other, "Sertraline 50 mg"},
                                   {MedicationClass::other, "Atorvastatin 20 mg"},
                                   {MedicationClass::other, "Oral contraceptive"},
                                   {MedicationClass::other, "Salbutamol inhaler as needed"}});

inline constexpr auto allergies = std::to_array<std::string_view>(
    {"Nut oils (almond, sweet almond): use the sunflower-based lotion", "Lanolin", "Latex gloves",
     "Lavender essential oil gives headaches", "Fragrance: unscented products only", "Coconut oil",
     "Penicillin", "Arnica gel (rash)"});

inline constexpr auto sensitive_areas = std::to_array<std::string_view>(
    {"Ticklish feet; prefers no foot work", "Abdomen: ask before working", "Does not like face or scalp work",
     "Glutes: ask before working", "Scar on the {side} lower abdomen (appendectomy)",
     "Knee on the {side} (replacement): no deep work around the joint",
     "Neck: anxious about neck work, go slowly"});

// ---- Body regions as a therapist writes them in a note --------------------------------------

// In BodyRegion order (checked at compile time in demo_practice.cpp).
inline constexpr auto region_words = std::to_array<std::string_view>({"neck",
                                                                      "mid back",
                                                                      "lower back",
                                                                      "sacrum",
                                                                      "SI joint",
                                                                      "tailbone",
                                                                      "suboccipitals",
                                                                      "upper trapezius",
                                                                      "middle trapezius",
                                                                      "lower trapezius",
                                                                      "levator scapulae",
                                                                      "rhomboids",
                                                                      "latissimus dorsi",
                                                                      "thoracic erectors",
                                                                      "lumbar erectors",
                                                                      "multifidus",
                                                                      "QL",
                                                                      "gluteus maximus",
                                                                      "gluteus medius",
                                                                      "gluteus minimus",
                                                                      "piriformis",
                                                                      "psoas",
                                                                      "hamstrings",
                                                                      "TFL and IT band",
                                                                      "abdominals",
                                                                      "pectorals"});

// ---- Complaints -------------------------------------------------------------------------------

enum class SideRule { affected, bilateral, midline };

struct RegionSpec {
    BodyRegion region;
    SideRule side;
};

enum class ComplaintFit { general, desk, athlete, pregnancy, sciatica, disc };

// A presenting pattern: what the client says, where it hurts (the first region is the main one),
// which muscles the hands check, and how the assessment reads. Pain regions may be spinal;
// muscles never are.
struct ComplaintPattern {
    ComplaintFit fit;
    std::string_view complaint;
    PainQuality quality;
    std::array<RegionSpec, 4> pain_regions;
    std::array<RegionSpec, 4> muscles;
    std::string_view aggravating;
    std::string_view easing;
    std::string_view posture;
    std::string_view range_of_motion;
    std::string_view range_better; // the same movement once treatment has helped
    std::string_view area;         // "lower back", for notes and goals
};

inline constexpr auto complaint_patterns = std::to_array<ComplaintPattern>({
    {ComplaintFit::general,
     "Low back pain on the {side} since lifting heavy boxes when moving house",
     PainQuality::aching,
     {{{BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::erector_spinae_lumbar, SideRule::affected},
       {BodyRegion::gluteus_medius, SideRule::affected}}},
     {{{BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::gluteus_medius, SideRule::affected},
       {BodyRegion::iliopsoas, SideRule::affected}}},
     "Bending forward, lifting, getting in and out of the car",
     "Lying on the back with knees bent; heat; short walks",
     "Slight lateral shift away from the {side}; flattened lumbar lordosis",
     "Lumbar flexion to the knees, painful at end range; side bending to the {side} limited",
     "Lumbar flexion to mid-shin and pain-free; side bending nearly symmetrical",
     "lower back"},
    {ComplaintFit::desk,
     "Neck and upper back tension with headaches after long days at the computer",
     PainQuality::stiffness,
     {{{BodyRegion::cervical_spine, SideRule::midline},
       {BodyRegion::trapezius_upper, SideRule::bilateral},
       {BodyRegion::levator_scapulae, SideRule::affected},
       {BodyRegion::suboccipitals, SideRule::bilateral}}},
     {{{BodyRegion::trapezius_upper, SideRule::bilateral},
       {BodyRegion::levator_scapulae, SideRule::affected},
       {BodyRegion::suboccipitals, SideRule::bilateral},
       {BodyRegion::pectorals, SideRule::bilateral}}},
     "Long hours at the laptop, driving, reading in bed",
     "Hot shower, moving around, neck stretches",
     "Forward head posture with rounded shoulders",
     "Cervical rotation to the {side} limited by about a quarter, tight at end range",
     "Cervical rotation full both ways, slight pull at end range on the {side}",
     "neck and upper back"},
    {ComplaintFit::desk,
     "Aching between the shoulder blades, worse by the end of the working day",
     PainQuality::aching,
     {{{BodyRegion::thoracic_spine, SideRule::midline},
       {BodyRegion::rhomboids, SideRule::bilateral},
       {BodyRegion::trapezius_middle, SideRule::bilateral},
       {BodyRegion::erector_spinae_thoracic, SideRule::bilateral}}},
     {{{BodyRegion::rhomboids, SideRule::affected},
       {BodyRegion::trapezius_middle, SideRule::bilateral},
       {BodyRegion::erector_spinae_thoracic, SideRule::bilateral},
       {BodyRegion::pectorals, SideRule::bilateral}}},
     "Sitting for long periods, carrying a backpack, cold weather",
     "Lying flat, heat, a massage from a partner",
     "Increased thoracic kyphosis; protracted shoulders",
     "Thoracic rotation reduced both ways; extension stiff",
     "Thoracic rotation and extension close to full",
     "upper back"},
    {ComplaintFit::sciatica,
     "Pain in the {side} buttock radiating down the back of the thigh to the calf",
     PainQuality::radiating,
     {{{BodyRegion::piriformis, SideRule::affected},
       {BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::hamstrings, SideRule::affected},
       {BodyRegion::gluteus_medius, SideRule::affected}}},
     {{{BodyRegion::piriformis, SideRule::affected},
       {BodyRegion::gluteus_medius, SideRule::affected},
       {BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::hamstrings, SideRule::affected}}},
     "Sitting more than 20 minutes, driving, coughing or sneezing",
     "Walking, lying on the side with a pillow between the knees",
     "Leans away from the {side} when standing; shifts weight often when sitting",
     "Straight-leg raise on the {side} reproduces leg pain at about 50 degrees; lumbar flexion limited",
     "Straight-leg raise on the {side} to about 75 degrees with a mild pull only",
     "buttock and leg"},
    {ComplaintFit::general,
     "Sharp pain over the {side} sacroiliac joint when climbing stairs or turning in bed",
     PainQuality::sharp,
     {{{BodyRegion::sacroiliac_joint, SideRule::affected},
       {BodyRegion::sacrum, SideRule::midline},
       {BodyRegion::gluteus_medius, SideRule::affected},
       {BodyRegion::piriformis, SideRule::affected}}},
     {{{BodyRegion::gluteus_medius, SideRule::affected},
       {BodyRegion::gluteus_maximus, SideRule::affected},
       {BodyRegion::piriformis, SideRule::affected},
       {BodyRegion::quadratus_lumborum, SideRule::affected}}},
     "Stairs, standing on one leg to dress, rolling over in bed",
     "Sitting with support, ice then heat",
     "Pelvic asymmetry: {side} iliac crest slightly higher",
     "Lumbar range mostly full; pain over the {side} SI joint on hip extension",
     "Lumbar range full; hip extension on the {side} now comfortable",
     "lower back and pelvis"},
    {ComplaintFit::athlete,
     "Tightness and aching across the lower back during and after training",
     PainQuality::stiffness,
     {{{BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::hamstrings, SideRule::bilateral},
       {BodyRegion::iliopsoas, SideRule::affected}}},
     {{{BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::hamstrings, SideRule::bilateral},
       {BodyRegion::iliopsoas, SideRule::affected},
       {BodyRegion::tfl_it_band, SideRule::affected}}},
     "Long runs, hill training, sitting after a session",
     "Foam rolling, easy cycling, rest days",
     "Anterior pelvic tilt; tight hip flexors",
     "Lumbar extension tight; straight-leg raise about 60 degrees on both sides",
     "Lumbar extension free; straight-leg raise about 80 degrees on both sides",
     "lower back"},
    {ComplaintFit::pregnancy,
     "Low back and pelvic ache in pregnancy, worse in the evenings",
     PainQuality::aching,
     {{{BodyRegion::sacroiliac_joint, SideRule::bilateral},
       {BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::gluteus_medius, SideRule::bilateral},
       {BodyRegion::sacrum, SideRule::midline}}},
     {{{BodyRegion::gluteus_medius, SideRule::bilateral},
       {BodyRegion::quadratus_lumborum, SideRule::bilateral},
       {BodyRegion::piriformis, SideRule::bilateral},
       {BodyRegion::erector_spinae_lumbar, SideRule::bilateral}}},
     "Standing for long periods, turning in bed, stairs",
     "Side-lying with a pillow between the knees; a warm (not hot) bath",
     "Increased lumbar lordosis with the growing bump",
     "Forward bending comfortable; treated side-lying with pillows",
     "Forward bending comfortable; evening ache much reduced",
     "lower back and pelvis"},
    {ComplaintFit::general,
     "Long-standing stiffness in the lower back, worst first thing in the morning",
     PainQuality::stiffness,
     {{{BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::multifidus, SideRule::bilateral},
       {BodyRegion::quadratus_lumborum, SideRule::affected}}},
     {{{BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::multifidus, SideRule::bilateral},
       {BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::gluteus_maximus, SideRule::bilateral}}},
     "Mornings, staying in one position, cold weather",
     "Moving about, a hot shower, gentle walking",
     "Flattened lumbar curve; stiff when rising from a chair",
     "Lumbar flexion to mid-shin; extension limited by stiffness",
     "Lumbar flexion to the ankles; extension eased, morning stiffness under 15 minutes",
     "lower back"},
    {ComplaintFit::general,
     "Pain on the outside of the {side} hip and lower back when walking",
     PainQuality::aching,
     {{{BodyRegion::gluteus_medius, SideRule::affected},
       {BodyRegion::tfl_it_band, SideRule::affected},
       {BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::gluteus_minimus, SideRule::affected}}},
     {{{BodyRegion::gluteus_medius, SideRule::affected},
       {BodyRegion::gluteus_minimus, SideRule::affected},
       {BodyRegion::tfl_it_band, SideRule::affected},
       {BodyRegion::quadratus_lumborum, SideRule::affected}}},
     "Walking more than 30 minutes, lying on the {side} side, stairs",
     "Rest, a pillow between the knees at night",
     "Hip drops on the opposite side when standing on the {side} leg",
     "Hip abduction weak on the {side}; lumbar range full",
     "Hip abduction stronger; walks 45 minutes without pain",
     "hip and lower back"},
    {ComplaintFit::disc,
     "Sharp low back pain with tingling into the {side} foot since a disc injury",
     PainQuality::tingling,
     {{{BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::gluteus_maximus, SideRule::affected},
       {BodyRegion::hamstrings, SideRule::affected}}},
     {{{BodyRegion::erector_spinae_lumbar, SideRule::bilateral},
       {BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::gluteus_maximus, SideRule::affected},
       {BodyRegion::hamstrings, SideRule::affected}}},
     "Bending, sitting, lifting, coughing",
     "Lying face down on a pillow, walking, standing",
     "Guarded, slight forward flexion",
     "Flexion provokes the foot tingling; extension eases it",
     "Flexion to mid-shin with no foot symptoms",
     "lower back"},
    {ComplaintFit::general,
     "Pain down the {side} side of the lower back after a weekend of gardening",
     PainQuality::aching,
     {{{BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::lumbar_spine, SideRule::midline},
       {BodyRegion::latissimus_dorsi, SideRule::affected},
       {BodyRegion::gluteus_medius, SideRule::affected}}},
     {{{BodyRegion::quadratus_lumborum, SideRule::affected},
       {BodyRegion::latissimus_dorsi, SideRule::affected},
       {BodyRegion::erector_spinae_lumbar, SideRule::affected},
       {BodyRegion::gluteus_medius, SideRule::affected}}},
     "Reaching overhead, twisting, kneeling to garden",
     "Heat, gentle side stretches, walking",
     "Trunk leans slightly to the {side}",
     "Side bending away from the {side} limited and painful",
     "Side bending symmetrical and pain-free",
     "lower back"},
});

// What one muscle feels like under the hands.
inline constexpr auto palpation_notes = std::to_array<std::string_view>(
    {"Ropy band along the lateral border", "Taut band with a local twitch response",
     "Refers pain towards the buttock on compression", "Guarded; eased with slow compression",
     "Dense, fibrous feel over the attachment", "Tender at the attachment, softens with warming", ""});

inline constexpr auto psfs_general = std::to_array<std::string_view>(
    {"Sleeping through the night", "Putting on socks and shoes", "Carrying groceries",
     "Gardening for an hour", "Walking the dog", "Vacuuming the house", "Driving more than 30 minutes",
     "Getting in and out of the car", "Sitting through a film", "Playing with the grandchildren",
     "Cooking dinner standing up", "Going to the gym", "Dancing at a wedding", "Playing golf",
     "Climbing the stairs at home"});
inline constexpr auto psfs_desk = std::to_array<std::string_view>(
    {"Sitting through a full workday", "Working at the laptop for two hours", "Commuting on the subway",
     "Looking over my shoulder when driving", "Practising the cello for an hour"});
inline constexpr auto psfs_physical = std::to_array<std::string_view>(
    {"Lifting at work", "Standing for a full shift", "Kneeling to work low down", "Lifting my toddler",
     "Carrying the laundry basket upstairs"});
inline constexpr auto psfs_athlete = std::to_array<std::string_view>(
    {"Running 10 km", "Rowing a 2 km test", "Squatting with weights", "Cycling 50 km", "Playing a full match",
     "Swimming 40 lengths", "Dancing a full rehearsal"});
inline constexpr auto psfs_pregnancy = std::to_array<std::string_view>(
    {"Walking to the shops", "Sleeping on my side", "Lifting my older child", "Getting up from the sofa"});

// ---- Red flags --------------------------------------------------------------------------------

inline constexpr auto urgent_referral_notes = std::to_array<std::string_view>(
    {"Reports new numbness around the groin and difficulty passing urine since two days ago. Treatment not "
     "given. Explained this needs emergency assessment today; client agreed to go straight to the emergency "
     "department. Called the client that evening: admitted for an MRI.",
     "Both legs feel weak and heavy since the weekend, worse today; new saddle numbness. No treatment. Sent "
     "to the emergency department with a referral letter; partner drove."});
inline constexpr auto urgent_referral_targets =
    std::to_array<std::string_view>({"Emergency department, Toronto Western Hospital (same day)",
                                     "Emergency department, St. Michael's Hospital (same day)"});

inline constexpr auto clearance_notes = std::to_array<std::string_view>(
    {"Medical clearance received from {doctor}: investigations normal, cleared for massage with normal "
     "precautions.",
     "{doctor} reviewed the client and cleared massage; no further tests needed. Screen repeated today: "
     "negative.",
     "Clearance letter from {doctor} on file: in remission, massage permitted, avoid deep pressure over the "
     "treated area."});

// ---- Treatment plans --------------------------------------------------------------------------

struct TechniqueText {
    std::string_view code;
    std::string_view in_sentence; // "trigger point therapy"
    // {muscle}; and, for a client whose pressure is limited, {caution} ("Osteoporosis"), {caution_lower}
    // and {limit} (the highest pressure allowed).
    std::array<std::string_view, 3> rationales;
    int pressure_min; // typical pressure range on the 1-10 scale
    int pressure_max;
};

inline constexpr auto technique_texts = std::to_array<TechniqueText>({
    {"swedish",
     "Swedish massage",
     {"Acute, irritable presentation: gentle Swedish strokes to settle the guarding and improve circulation "
      "before any deeper work.",
      "Client is new to massage and prefers lighter pressure; Swedish effleurage and petrissage to relax the "
      "{muscle} and build tolerance.",
      "{caution} rules out deep pressure; Swedish massage gives the circulation and relaxation benefit at "
      "pressure {limit} or below."},
     3,
     5},
    {"deep_tissue",
     "deep tissue work",
     {"Chronic hypertonicity in the {muscle} with palpable adhesions; slow, deep strokes across the fibres "
      "to "
      "lengthen the tissue.",
      "Long-standing tightness in the {muscle} that has not responded to stretching alone; deep tissue work "
      "to "
      "release the deeper layers.",
      "Client prefers firm pressure and the {muscle} is markedly hypertonic; deep tissue work to reduce tone "
      "and restore movement."},
     7,
     9},
    {"trigger_point",
     "trigger point therapy",
     {"Active trigger points in the {muscle} reproduce the client's referred pain; sustained ischaemic "
      "compression to release them.",
      "Taut bands with a local twitch response in the {muscle}; trigger point therapy to reduce the referred "
      "pain pattern.",
      "Trigger points in the {muscle} keep the area guarded; short, gentle compressions at pressure {limit} "
      "or "
      "below because of {caution_lower}."},
     5,
     8},
    {"myofascial_release",
     "myofascial release",
     {"Restricted fascia over the {muscle} and a guarded posture; slow sustained myofascial holds to restore "
      "glide and reduce pain.",
      "Adhesions and a thick, immobile feel to the tissue over the {muscle}; myofascial release frees the "
      "fascia without deep pressure.",
      "Posture-related pain: myofascial release across the {muscle} to ease the pull into a rounded "
      "posture."},
     4,
     6},
    {"sports",
     "sports massage",
     {"Training load is the main driver; sports massage to the {muscle} to aid recovery and keep the client "
      "training.",
      "Overuse pattern in an active client; sports massage with assisted stretching to restore length in the "
      "{muscle}.",
      "Returning to competition; pre-event style sports massage to the {muscle} in the week before races."},
     5,
     8},
    {"hot_stone",
     "hot stone massage",
     {"Chronic muscle tension and stress; heated stones relax the {muscle} so the tissue accepts deeper "
      "work.",
      "Client finds heat very helpful; hot stone massage along the back eases chronic stiffness. No heat "
      "cautions on file.",
      "Long-standing guarding in the {muscle}; warmth from the stones lets the tissue let go without deep "
      "pressure, which {caution_lower} rules out."},
     3,
     5},
});

inline constexpr auto home_care_tweaks = std::to_array<std::string_view>(
    {" Add the seated piriformis stretch at work.", " Set a timer to stand and stretch every 45 minutes.",
     " Keep training at reduced volume: no hill sessions for two weeks.",
     " Use a pillow between the knees at night.", ""});

inline constexpr auto discontinue_reasons = std::to_array<std::string_view>(
    {"Client moved to Calgary for work.", "Client stopped attending; two messages left without reply.",
     "No meaningful change after several sessions; referred to physiotherapy for an exercise programme.",
     "Insurance cover for the year used up; client will return in January.",
     "Client chose to pause treatment during a busy period at work."});

// ---- Sessions ---------------------------------------------------------------------------------

inline constexpr auto cancel_reasons = std::to_array<std::string_view>(
    {"Client unwell with a cold", "Work meeting ran late", "Childcare fell through",
     "Winter storm: roads closed", "Client away on holiday", "Therapist unwell", "Car broke down",
     "Family emergency", "Migraine on the day", "Client rebooked by phone"});

inline constexpr auto subjective_better = std::to_array<std::string_view>(
    {"Feels there is less pain in the {area} since last time.", "Slept better this week.",
     "Noticed less stiffness in the mornings.", "Managed a full day without thinking about the {area}.",
     "Pain settling; only aches at the end of the day now."});
inline constexpr auto subjective_same = std::to_array<std::string_view>(
    {"Says the {area} feels much as it did last week.", "No real change since the last session.",
     "Good days and bad days; overall much the same.", "Relief from last session lasted about two days."});
inline constexpr auto subjective_worse = std::to_array<std::string_view>(
    {"Flare-up after moving furniture at the weekend.", "Worse after a long-haul flight.",
     "A heavy week at work; {area} worse by Friday.", "Overdid the gardening on Sunday.",
     "Slept badly on a friend's sofa; woke up stiff."});
inline constexpr auto subjective_home_care = std::to_array<std::string_view>(
    {"Doing the stretches most mornings.", "Admits skipping the home stretches this week.",
     "Using the heat pack in the evenings and finds it helps.",
     "Brought the pain journal; evenings are worst.", "Walking 20 minutes most days now.", ""});
inline constexpr auto subjective_work_desk = std::to_array<std::string_view>(
    {"Long days at the desk this week.", "Has raised the monitor as suggested.", "Deadline week at work."});
inline constexpr auto subjective_work_athlete = std::to_array<std::string_view>(
    {"Back to training at reduced volume.", "Raced at the weekend; legs heavy.", "Rest week from training."});

inline constexpr auto hypertonicity_words =
    std::to_array<std::string_view>({"no", "mild", "moderate", "marked"});

inline constexpr auto objective_extras = std::to_array<std::string_view>(
    {"Tissue warmer and less guarded than at the last visit.", "Guarding eased after the first ten minutes.",
     "Skin and tissue intact; no bruising from the last session.",
     "Breathing slowed and client dozed near the end.", ""});

inline constexpr auto assessment_good = std::to_array<std::string_view>(
    {"Good response: pain {before}/10 before, {after}/10 after treatment.",
     "Responded well; pain down from {before}/10 to {after}/10 and the {muscle} softened noticeably.",
     "Clear release in the {muscle}; pain {before}/10 to {after}/10."});
inline constexpr auto assessment_modest = std::to_array<std::string_view>(
    {"Moderate response: pain {before}/10 to {after}/10; some residual tension in the {muscle}.",
     "Some easing (pain {before}/10 to {after}/10); tissue slow to let go today."});
inline constexpr auto assessment_none = std::to_array<std::string_view>(
    {"Little change today (pain {before}/10 before and {after}/10 after); tissue guarded.",
     "No change in pain ({before}/10 to {after}/10); client found it hard to relax into the pressure."});

inline constexpr auto plan_next =
    std::to_array<std::string_view>({"Next session: continue {technique} to the {muscle}.",
                                     "Next session: same approach, add work on the {muscle} if tolerated.",
                                     "Next session: review response, then {technique} to the {muscle}."});
inline constexpr auto plan_home = std::to_array<std::string_view>(
    {"Reviewed the home stretches; client to continue twice a day.", "Reminded to drink water this evening.",
     "Heat on the {area} tonight for 15 minutes.", "Keep up the pain journal.",
     "Tennis-ball self-massage for the glutes, 2 minutes a side."});
inline constexpr auto plan_final = std::to_array<std::string_view>(
    {"Series complete. Discharged with the home programme; return if symptoms recur.",
     "Last session of the series. Discussed maintenance visits every few weeks.",
     "Series complete; goals reviewed with the client."});

inline constexpr auto adverse_reactions = std::to_array<std::string_view>(
    {"Mild post-treatment soreness in the {area}, expected to settle within 24-48 hours.",
     "Slight light-headedness on sitting up; settled after a glass of water.",
     "Client phoned the next day: mild soreness for a day, eased with heat.",
     "Some redness over the {muscle} after the session; faded within the hour."});

struct AmendmentText {
    std::string_view reason;
    std::string_view text;
};
inline constexpr auto amendments = std::to_array<AmendmentText>({
    {"Pressure recorded wrongly", "Correction: pressure on the {muscle} was 4, not the value recorded."},
    {"Client called the next day",
     "Client reported mild soreness for 24 hours after this session; settled with "
     "heat and rest. No further action."},
    {"Wrong side recorded",
     "Correction: the trigger point work was on the opposite side to the one recorded."},
    {"Missing information",
     "Client also mentioned new running shoes this week; may explain the calf tightness."},
});

} // namespace knotwork::app::demo
