"""Common given names, as they are written in English-language news copy.

A capitalised sequence that starts with one of them and has a surname after it
("Qassem Soleimani", "Mohsen Fakhrizadeh") is a person even with no title or verb of
speech around it. The list favours names that are not also ordinary words or places
(no "Will", "Grace", "Jordan", "Georgia", "Victoria").
"""

from __future__ import annotations

_NAMES = """
aaron abbas abdel abdelaziz abdul abdulaziz abdullah abdullahi abdulrahman abhishek abiy
abraham adam adel adnan adrian ahmad ahmed ahmet aisha akbar akira alan albert alberto
aleksandr alessandro alexander alexandre alexei alexey alfonso alfred ali alice alicia alina
alireza alison amal amanda amin amina amir amit amr ana anatoly anders andre andrea andreas
andrei andrew andrey andrzej angela angelo anna anne annette anthony antonio antony anwar
arif arnold arturo asad asghar ashraf ashok ayatollah ayman ayse aziz bashar basil beatriz
benjamin bernard bertrand bilal boris brian bruno carlos carmen catherine cecilia cem
charles chen chris christian christina christine christopher claude claudia colin cristina
daniel daniela danilo david dawood deborah dennis diego dmitri dmitry dominic donald dong
douglas ebrahim eduardo edward ehsan elena elias elizabeth emmanuel enrique erdogan eric
ernesto esmail esmaeil ethan evgeny fabian fahad faisal fang farah farid farouk fatima
fatma fernando francesco francisco frank franz frederic friedrich gabriel gamal gary gennady
georg george gerhard giorgia giovanni giuseppe gloria gonzalo gordon greg gregory guillaume
gustavo hadi hafez haider hakan hamad hamid hamza hans haruki hasan hassan heinrich helen
helmut henri henrique hiroshi hossein hugo husam hussein ian ibrahim igor ilham ilya imran
ioannis irina isaac ismail ivan jacinda jacob jacques jakub jalal jamal james jan janet
javad javier jean jeffrey jennifer jens jeremy jerome jia joachim joao joe johan johannes
john jonathan jorge jose josef joseph josep juan julia julian julien jun jurgen kamal kamala
karim karl katarzyna kazem keir kemal kenji kevin khaled khalid khalil kim kiril kirill
klaus kristalina lars laura laurent lee leila leonid li liang lin lionel liu lorenzo louis
luca lucas luis luiz lukas magdalena mahdi mahmoud majid makoto malik manuel marco marcos
margaret maria marie marina mario mark marta martin maryam masoud matteo matthew maurice
max maxim mehdi mehmet melanie michael michel miguel mikhail milan ming mirko mohamed
mohammad mohammed mohsen moussa muhammad muhammadu mustafa naftali nancy naser nasser
natalia nawaf nayib nicolas nicola nikolai nikolay nirmala nnamdi noura nouri nuri olaf
oleg olga omar osama oscar pablo paolo patricia patrick paul pedro pekka peter petr petro
philip philippe pierre piotr qais qasem qassem rafael rahul ramzan rashid raul recep reza
ricardo richard robert roberto rodrigo roman ronald ruslan saad sadegh saeed said salah
saleh salem salim salman sami samir samuel sandra sara sarah sebastian serge sergei sergey
shahid sharif sheikh shinzo shirin sigmar simon sofia sophie stefan stefano stephen steven
suleiman sultan susan tamim tariq tatiana theresa thomas timothy tomas tony tsai ursula
valentina valery vasily victor viktor vincent vladimir volodymyr walid walter wang wei
werner william wolfgang xavier xi yahya yair yang yasser yevgeny yitzhak yoshihide youssef
yousef yuri yusuf zahra zaid zhang zhao zoran
"""

GIVEN_NAMES = frozenset(_NAMES.split())


def is_given_name(word: str) -> bool:
    return word.casefold() in GIVEN_NAMES
