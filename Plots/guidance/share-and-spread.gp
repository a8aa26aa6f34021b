set terminal pngcairo size 1500,900 enhanced font 'DejaVu Sans,11'
set output 'share-and-spread.png'
set multiplot layout 2,3 title 'Fidelity and diversity against the guidance scale (w for classifier-free, s for classifier guidance), mean ± 95% interval'
set grid
set xlabel 'scale'
set key bottom right
set title '8gaussians'
set ylabel 'share of samples in class 0'
set key bottom right
plot 'share-and-spread.dat' index 0 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     'share-and-spread.dat' index 1 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     'share-and-spread.dat' index 2 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#17becf' title 'exact classifier-free (w)', \
     'share-and-spread.dat' index 3 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#ff7f0e' title 'exact classifier (s)'
set title 'moons'
set ylabel 'share of samples in class 0'
set key bottom right
plot 'share-and-spread.dat' index 4 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     'share-and-spread.dat' index 5 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)'
set title 'checkerboard'
set ylabel 'share of samples in class 0'
set key bottom right
plot 'share-and-spread.dat' index 6 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     'share-and-spread.dat' index 7 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)'
set title '8gaussians'
set ylabel 'spread over the class data spread'
set key top right
plot 'share-and-spread.dat' index 0 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     'share-and-spread.dat' index 1 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     'share-and-spread.dat' index 2 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#17becf' title 'exact classifier-free (w)', \
     'share-and-spread.dat' index 3 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#ff7f0e' title 'exact classifier (s)', \
     1 with lines dt 2 lc rgb '#555555' title 'the data'
set title 'moons'
set ylabel 'spread over the class data spread'
set key top right
plot 'share-and-spread.dat' index 4 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     'share-and-spread.dat' index 5 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     1 with lines dt 2 lc rgb '#555555' title 'the data'
set title 'checkerboard'
set ylabel 'spread over the class data spread'
set key top right
plot 'share-and-spread.dat' index 6 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     'share-and-spread.dat' index 7 using 1:4:5 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     1 with lines dt 2 lc rgb '#555555' title 'the data'
unset multiplot
